from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from courses.models.pages import CoursePage
from courses.scorm.errors import ScormImportError
from courses.scorm.services.importing import import_package
from guild.people.roles import Role


class Command(BaseCommand):
    help = "Import a SCORM 1.2 or 2004 zip as a draft course (or into --course) and print its admin URL."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the package zip")
        parser.add_argument("--course", help="slug of an existing course to add the lessons to")
        parser.add_argument("--author", help="email of the expert or L&D admin who imports it (default: the first L&D admin)")

    def handle(self, *args, path, course=None, author=None, **options):
        zip_path = Path(path)
        if not zip_path.is_file():
            raise CommandError(f"No such file: {zip_path}")
        User = get_user_model()
        if author:
            user = User.objects.filter(email__iexact=author).first()
            if user is None:
                raise CommandError(f"No person with the email {author}")
        else:
            user = User.objects.filter(groups__name=Role.LD_ADMIN, is_active=True).order_by("pk").first()
            if user is None:
                raise CommandError("No L&D admin to import as: pass --author EMAIL")
        target = None
        if course:
            target = CoursePage.objects.filter(slug=course).first()
            if target is None:
                raise CommandError(f"No course with the slug {course}")
        with zip_path.open("rb") as handle:
            try:
                package, imported = import_package(fileobj=handle, size=zip_path.stat().st_size, author=user, course=target)
            except ScormImportError as exc:
                raise CommandError(str(exc)) from exc
        for warning in package.warnings:
            self.stderr.write(f"warning: {warning}")
        self.stdout.write(f"Imported {package.items.count()} lesson(s) into draft course “{imported.title}”.")
        self.stdout.write(_admin_url(imported.pk))


def _admin_url(page_id):
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return f"{base}{reverse('wagtailadmin_pages:edit', args=[page_id])}"

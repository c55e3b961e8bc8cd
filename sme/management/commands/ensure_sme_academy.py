"""Create the SME academy path (and its two courses) when it is missing; idempotent.

    manage.py ensure_sme_academy                 # once per install (again changes nothing)
    manage.py ensure_sme_academy --enrol-experts # also enrol today's experts (new ones are enrolled automatically)
"""

from django.core.management.base import BaseCommand

from guild.people.models import User
from guild.people.roles import Role
from sme.academy import enrol_new_experts, ensure_academy


class Command(BaseCommand):
    help = "Create the SME academy learning path new experts are enrolled in (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--enrol-experts", action="store_true", help="enrol every current expert in it too")

    def handle(self, *args, enrol_experts=False, **options):
        path, created = ensure_academy()
        self.stdout.write(f"{'Created' if created else 'Already there'}: {path.title} ({path.url_path})")
        if enrol_experts:
            experts = User.objects.filter(groups__name=Role.EXPERT, is_active=True).values_list("pk", flat=True)
            self.stdout.write(f"{enrol_new_experts(set(experts))} new enrolments")

"""Turning a package zip into a draft course: files into the "scorm" storage, one draft lesson
per launchable item, in order. All or nothing: a refused or failed import leaves no row, no page
and no file behind."""

import logging
import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from courses.models.pages import CataloguePage, CourseAuthor, CoursePage
from courses.permissions import course_author_ids
from guild.people.roles import Role

from ..errors import ScormImportError
from ..models import ScormItem, ScormLessonPage, ScormPackage
from ..package import member_bytes, read_package

log = logging.getLogger(__name__)


def scorm_storage():
    return storages["scorm"]


def can_import(user) -> bool:
    return bool(user and user.is_active and user.has_role(Role.EXPERT, Role.LD_ADMIN))


def _unique_slug(parent, title, taken=None):
    base = slugify(title)[:60] or "lesson"
    existing = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True)) | (taken or set())
    slug, n = base, 2
    while slug in existing:
        slug, n = f"{base}-{n}", n + 1
    return slug


def import_package(*, fileobj, author, size=None, course=None, catalogue=None):
    """Import a SCORM zip. Returns (package, course). `course`: add the lessons to this course
    (one the author writes) instead of starting a new draft course."""
    if not can_import(author):
        raise ScormImportError(_("Only experts and L&D admins can import SCORM packages."))
    if course is not None and author.pk not in course_author_ids(course) and not author.has_role(Role.LD_ADMIN):
        raise ScormImportError(_("You can add a package only to a course you write."))
    if course is None:
        catalogue = catalogue or CataloguePage.objects.first()
        if catalogue is None:
            raise ScormImportError(_("There is no course catalogue yet: ask an L&D admin to create it."))
    package = read_package(fileobj, size=size)
    folder = uuid.uuid4().hex
    saved = []
    try:
        _store_files(package, folder, saved)
        with transaction.atomic():
            return _create_records(package, folder, author=author, course=course, catalogue=catalogue)
    except BaseException:
        _delete_files(saved)
        raise


def _store_files(package, folder, saved):
    storage = scorm_storage()
    for path in package.names:
        name = storage.save(f"{folder}/{path}", ContentFile(member_bytes(package, path)))
        saved.append(name)


def _delete_files(names):
    storage = scorm_storage()
    for name in names:
        try:
            storage.delete(name)
        except OSError:  # best effort: the import is refused either way
            log.warning("scorm: could not delete %s after a failed import", name)


def _create_records(package, folder, *, author, course, catalogue):
    manifest = package.manifest
    record = ScormPackage.objects.create(
        title=manifest.title[:255], identifier=manifest.identifier[:255], version=manifest.version,
        storage_folder=folder, file_count=len(package.names), total_bytes=package.total_bytes, uploaded_by=author,
        sequencing_collection=manifest.sequencing_collection, organisation_sequencing=manifest.organisation_sequencing,
        warnings=package.warnings,
    )
    if course is None:
        course = _new_course(manifest, author=author, catalogue=catalogue)
    record.course = course
    record.save(update_fields=["course"])
    taken = set()
    for position, item in enumerate(manifest.items, start=1):
        scorm_item = ScormItem.objects.create(
            package=record, position=position, identifier=item.identifier[:255], title=item.title[:255],
            launch=item.launch[:2000], is_sco=item.scorm_type == "sco", mastery_scaled=item.mastery_scaled,
            time_limit=item.time_limit[:64], time_limit_action=item.time_limit_action[:64],
            data_from_lms=item.data_from_lms, completion_threshold=item.completion_threshold, sequencing=item.sequencing,
        )
        slug = _unique_slug(course, item.title, taken)
        taken.add(slug)
        lesson = ScormLessonPage(title=item.title[:255], slug=slug, live=False, owner=author, item=scorm_item,
                                 summary=" › ".join(item.path)[:300])
        course.add_child(instance=lesson)
        lesson.save_revision(user=author, log_action=True)
    log.info("scorm: %s imported package %s (%s, %d items) into course %s", author.pk, record.pk,
             manifest.version, len(manifest.items), course.pk)
    return record, course


def _new_course(manifest, *, author, catalogue):
    title = manifest.title[:255]
    course = CoursePage(
        title=title, slug=_unique_slug(catalogue, title), live=False, owner=author,
        summary=_("Imported from a SCORM package. Say in one or two sentences what a learner will be able to do."),
    )
    course.course_authors.add(CourseAuthor(user=author, is_lead=True))
    catalogue.add_child(instance=course)
    course.save_revision(user=author, log_action=True)
    return course

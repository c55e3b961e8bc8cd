"""Co-authors: who writes a course with its lead author, whether invited from the workspace or
added in the editor's "Authors and co-authors" panel, and who may still be invited."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from courses.models import CourseAuthor
from courses.permissions import course_author_ids
from guild.notifications.services import notify
from guild.people.models import User
from guild.people.roles import Role

from .services import ExpertError


def _tell_invited(*, course, user, by):
    transaction.on_commit(lambda: notify(
        recipient=user, kind="course.co_author",
        title=lambda: _("%(name)s invited you to co-author “%(course)s”") % {"name": by.display_name, "course": course.title},
        url=reverse("wagtailadmin_pages:edit", args=[course.pk]), dedupe_key=f"course.co_author:{course.pk}",
    ))


def authors_in(revision) -> set[int]:
    """The authors a revision lists, read from its stored content (as_object() would rebuild the
    whole page, a dozen queries, on every save in the editor)."""
    if revision is None:
        return set()
    return {row.get("user") for row in revision.content.get("course_authors", []) if row.get("user")}


@transaction.atomic
def welcome_authors_added_in_editor(*, course, by) -> list[int]:
    """After an editor save: anyone the latest revision lists as an author and the revision before
    did not is written to the database (so they can edit at once, even on a live course) and told."""
    latest, previous = (list(course.revisions.order_by("-created_at", "-id")[:2]) + [None, None])[:2]
    added = authors_in(latest) - authors_in(previous) - {by.pk}
    for user in User.objects.filter(pk__in=added, is_active=True):
        CourseAuthor.objects.get_or_create(course=course, user=user, defaults={"is_lead": False})
        _tell_invited(course=course, user=user, by=by)
    return sorted(added)


@transaction.atomic
def remove_co_author(*, course, user, by):
    """An author (or L&D) takes a co-author off a course, in the database and its latest revision.
    The lead author stays: a course always has someone who answers for it."""
    if by.pk not in course_author_ids(course) and not by.has_role(Role.LD_ADMIN):
        raise ExpertError(_("Only the course's authors can change its co-authors."))
    authorship = CourseAuthor.objects.filter(course=course, user=user).first()
    if authorship is None:
        raise ExpertError(_("%(name)s does not write this course.") % {"name": user.display_name})
    if authorship.is_lead or course.owner_id == user.pk:
        raise ExpertError(_("%(name)s leads this course and stays its author.") % {"name": user.display_name})
    authorship.delete()
    latest = course.get_latest_revision()
    if latest is not None:
        draft = latest.as_object()
        kept = [a for a in draft.course_authors.all() if a.user_id != user.pk]
        if len(kept) != len(draft.course_authors.all()):
            draft.course_authors = kept
            draft.save_revision(user=by, clean=False)
    transaction.on_commit(lambda: notify(
        recipient=user, kind="course.co_author_removed",
        title=lambda: _("%(name)s took you off “%(course)s”") % {"name": by.display_name, "course": course.title},
        dedupe_key=f"course.co_author_removed:{course.pk}:{authorship.pk}",
    ))


def attach_co_authors(courses, experts):
    """Give each course its `co_authors` (authorships other than the lead, users loaded) and the
    `co_author_candidates` among `experts`: nobody who already writes it."""
    for course in courses:
        authorships = list(course.course_authors.all())
        course.co_authors = [a for a in authorships if not a.is_lead and a.user_id != course.owner_id]
        taken = {a.user_id for a in authorships} | {course.owner_id}
        course.co_author_candidates = [e for e in experts if e.pk not in taken]
    return courses

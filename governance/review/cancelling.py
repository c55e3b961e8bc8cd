"""Cancelling a course's review: who may, and what it closes.

Wagtail cancels a workflow from the editor for the person who submitted it or the page's owner
(and for anyone who may approve the current task, which `editor.py` refuses to reviewers). L&D
admins cancel from Guild's confirmation page. However it is cancelled, `close_round` (run on
Wagtail's `workflow_cancelled`) closes every review still waiting, so no queue keeps it and no
SLA sweep chases it, and tells the authors when someone else cancelled."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

from courses.models import CoursePage
from courses.permissions import course_author_ids
from guild.people.roles import Role

from .models import ReviewAssignment, ReviewDecision
from .services import ReviewError, _edit_url, notify_authors


def may_cancel(*, course, user) -> bool:
    return user.is_active and (user.has_role(Role.LD_ADMIN) or user.pk in course_author_ids(course))


@transaction.atomic
def cancel_review(*, course, by, reason=""):
    """Stop the review of `course`: it goes back to a draft its authors can edit."""
    if not may_cancel(course=course, user=by):
        raise ReviewError(_("Only the course's authors or an L&D admin can cancel its review."))
    state = (
        WorkflowState.objects.select_for_update()
        .filter(object_id=str(course.pk), base_content_type_id=course.get_base_content_type().pk,
                status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES])
        .first()
    )
    if state is None:
        raise ReviewError(_("This course is not in review."))
    # Queued before Wagtail's signal queues the same notice without the reason (one notice per key).
    _tell_authors(workflow_state=state, course=course, by=by, reason=reason.strip()[:500])
    state.cancel(user=by)
    return state


def close_round(*, workflow_state, by=None, reason="") -> int:
    """Close every review of the cancelled workflow still waiting; tell the authors if they did not cancel."""
    now = timezone.now()
    closed = ReviewAssignment.objects.filter(
        task_state__workflow_state=workflow_state, decision=ReviewDecision.PENDING
    ).update(decision=ReviewDecision.CLOSED, completed_at=now)
    course = CoursePage.objects.filter(pk=workflow_state.object_id).first()
    if course is not None:
        _tell_authors(workflow_state=workflow_state, course=course, by=by, reason=reason)
    return closed


def _tell_authors(*, workflow_state, course, by, reason):
    if by is None or by.pk in course_author_ids(course):
        return

    def body():
        text = _("Your course is a draft again: edit it and submit it when it is ready.")
        return f"{text}\n{reason}" if reason else text

    transaction.on_commit(lambda: notify_authors(
        course=course, kind="review.cancelled",
        title=lambda: _("%(name)s cancelled the review of “%(course)s”") % {"name": by.display_name, "course": course.title},
        body=body, url=_edit_url(course), key=f"review.cancelled:{workflow_state.pk}",
    ))

"""Wagtail's workflow events, turned into the peer review's rules.

A peer-review round that starts gets its reviewers; the editor's approve / request-changes go
through services; when the course review workflow finishes, Wagtail publishes the course page
and we publish its lessons' reviewed drafts with it, clear its "needs update" flag, tell the
authors, and send `course_published`."""

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.dispatch import receiver
from django.utils.translation import gettext as _
from wagtail.signals import (
    page_published,
    task_submitted,
    workflow_approved,
    workflow_cancelled,
    workflow_submitted,
)

from courses.models import CoursePage, LessonPage
from sme.services import clear_needs_update

from .actions import workflow_action
from .cancelling import close_round
from .events import record_publication, record_submission
from .models import PeerReviewTask
from .services import ReviewError, approve, assign_reviewers, notify_authors, request_changes
from .signals import course_published
from .signoff import is_signoff, signoff_started

log = logging.getLogger(__name__)


@receiver(task_submitted, dispatch_uid="review.task_submitted")
def assign_reviewers_to_new_round(sender, instance, user=None, **kwargs):
    # `instance.task` is the task that just started it: no query.
    if isinstance(instance.task.specific, PeerReviewTask):
        assign_reviewers(task_state=instance)
    elif is_signoff(instance.task):
        signoff_started(task_state=instance)


@receiver(workflow_cancelled, dispatch_uid="review.workflow_cancelled")
def close_the_cancelled_round(sender, instance, user=None, **kwargs):
    # From Wagtail's editor or Guild's confirmation page alike: no review stays waiting.
    close_round(workflow_state=instance, by=user)


@receiver(workflow_action, sender=PeerReviewTask, dispatch_uid="review.workflow_action")
def decide_from_the_editor(sender, task_state, user, action_name, data, **kwargs):
    try:
        if action_name == "approve":
            approve(
                task_state=task_state, reviewer=user,
                checklist=[int(i) for i in data.get("checklist") or []], comment=data.get("comment", ""),
            )
        elif action_name == "reject":
            request_changes(task_state=task_state, reviewer=user, comment=data.get("comment", ""))
    except ReviewError as exc:
        raise PermissionDenied(str(exc)) from exc


@receiver(workflow_approved, dispatch_uid="review.workflow_approved")
def publish_course_with_lessons(sender, instance, user=None, **kwargs):
    course = CoursePage.objects.filter(pk=instance.object_id).first()
    if course is None:
        return
    lessons = LessonPage.objects.child_of(course).filter(has_unpublished_changes=True)
    published = 0
    for lesson in lessons:
        revision = lesson.get_latest_revision()
        if revision:
            revision.publish(user=user, skip_permission_checks=True)
            published += 1
    log.info("review: course %s published with %d lesson(s)", course.pk, published)

    def after_commit():
        notify_authors(
            course=course, kind="review.published",
            title=lambda: _("“%(course)s” is published") % {"course": course.title},
            body=lambda: _("Learners can now find it in the catalogue."), url=course.url or "",
            key=f"review.published:{instance.pk}",
        )
        # A course that went through review again has been updated.
        clear_needs_update(course_id=course.pk)
        course_published.send(sender=CoursePage, course=course, workflow_state=instance)

    transaction.on_commit(after_commit)


@receiver(workflow_submitted, dispatch_uid="review.workflow_submitted")
def record_authoring(sender, instance, user=None, **kwargs):
    course = CoursePage.objects.filter(pk=instance.object_id).first()
    if course is not None:
        record_submission(course=course, user=user)


@receiver(page_published, sender=CoursePage, dispatch_uid="review.course_published_event")
def record_course_publication(sender, instance, revision=None, alias=False, **kwargs):
    if not alias:  # an alias is a copy of the page that was published, not a publication by its authors
        record_publication(course=instance)

"""Reviewers' comments anchored to one block of one lesson (models.BlockComment): made from the
review page during a round, read by the authors in the lesson's editor and on the course's
review page, resolved by the authors, kept afterwards in the round's history."""

import logging

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import LessonPage
from courses.permissions import course_author_ids

from .models import BlockComment, ReviewDecision
from .services import ReviewError, notify_authors

log = logging.getLogger(__name__)

MAX_LENGTH = 2000


def _block_of(lesson, block_id):
    """(number, block) of `block_id` in the lesson as the reviewers read it (its latest revision)."""
    for number, block in enumerate(lesson.get_latest_revision_as_object().body, start=1):
        if block.id == block_id:
            return number, block
    return None, None


@transaction.atomic
def add_block_comment(*, assignment, reviewer, lesson_id, block_id, text) -> BlockComment:
    """`reviewer` comments on one block of one lesson of the course under review in `assignment`.
    Only while their review of the round is open; the block must be in the lesson they read."""
    text = (text or "").strip()
    if assignment.reviewer_id != reviewer.pk:
        raise ReviewError(_("You are not a reviewer of this course."))
    if assignment.decision != ReviewDecision.PENDING or assignment.task_state.status != assignment.task_state.STATUS_IN_PROGRESS:
        raise ReviewError(_("This review round is closed: comments can no longer be added to it."))
    if not text:
        raise ReviewError(_("Write your comment before sending it."))
    if len(text) > MAX_LENGTH:
        raise ReviewError(_("A comment is at most %(n)d characters.") % {"n": MAX_LENGTH})
    lesson = LessonPage.objects.child_of(assignment.course).filter(pk=lesson_id or 0).first()
    if lesson is None:
        raise ReviewError(_("This lesson is not part of the course under review."))
    number, block = _block_of(lesson, block_id or "")
    if block is None:
        raise ReviewError(_("This block is no longer in the lesson: reload the page."))
    comment = BlockComment.objects.create(
        task_state=assignment.task_state, course=assignment.course, lesson=lesson, block_id=block.id,
        block_type=block.block_type, block_number=number, author=reviewer, text=text,
    )
    course = assignment.course
    transaction.on_commit(lambda: notify_authors(
        course=course, kind="review.comment",
        title=lambda: _("%(name)s commented on “%(lesson)s”, block %(n)d") % {"name": reviewer.display_name, "lesson": lesson.title, "n": number},
        body=text[:1000], url=reverse("sme:review:course", args=[course.pk]) + f"#comment-{comment.pk}",
        key=f"review.block_comment:{comment.pk}",
    ))
    log.info("review: %s commented on block %s of lesson %s", reviewer.pk, block.id, lesson.pk)
    return comment


@transaction.atomic
def resolve_block_comment(*, comment_id, course, by) -> BlockComment:
    """An author marks a comment as dealt with. Resolving twice changes nothing."""
    if by.pk not in course_author_ids(course):
        raise ReviewError(_("Only the course's authors resolve its review comments."))
    comment = BlockComment.objects.select_for_update().filter(pk=comment_id or 0, course=course).first()
    if comment is None:
        raise ReviewError(_("This comment is not on this course."))
    if comment.resolved_at is None:
        comment.resolved_at = timezone.now()
        comment.resolved_by = by
        comment.save(update_fields=["resolved_at", "resolved_by"])
    return comment


def comments_of_course(course):
    """Every block comment of the course, oldest first, with what the pages show of them."""
    return (
        BlockComment.objects.filter(course=course)
        .select_related("author", "resolved_by", "lesson")
        .order_by("created_at", "id")
    )


def open_comments_of_lesson(lesson):
    return list(
        BlockComment.objects.filter(lesson=lesson, resolved_at__isnull=True)
        .select_related("author").order_by("block_number", "created_at", "id")
    )


def by_block(comments) -> dict[str, list]:
    grouped = {}
    for c in comments:
        grouped.setdefault(c.block_id, []).append(c)
    return grouped

"""Where a course's review stands, in the words an author uses ("Changes requested by Grace:
3 comments"), instead of Wagtail's "In Moderation" / "submitted for moderation"."""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Comment, TaskState, WorkflowState

from .models import PeerReviewTask, ReviewAssignment, ReviewDecision
from .signoff import is_signoff, signoff_due


@dataclass
class ReviewStatus:
    headline: str
    comments: list = field(default_factory=list)  # [(who, text)] the author still has to act on


def _open_comments(course, user_ids):
    return list(
        Comment.objects.filter(page_id=course.pk, resolved_at__isnull=True, user_id__in=user_ids)
        .select_related("user").order_by("created_at")
    )


def review_status(course) -> ReviewStatus | None:
    """None when the course is not in review."""
    state = (
        WorkflowState.objects.filter(
            object_id=str(course.pk), base_content_type_id=course.get_base_content_type().pk,
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        ).select_related("current_task_state__task").first()
    )
    if state is None or state.current_task_state is None:
        return None
    ts = state.current_task_state
    assignments = list(ReviewAssignment.objects.filter(task_state=ts).select_related("reviewer"))
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES or ts.status == TaskState.STATUS_REJECTED:
        asked = [a for a in assignments if a.decision == ReviewDecision.CHANGES_REQUESTED]
        if not asked:
            return ReviewStatus(_("Changes requested: edit the course, then send it back to the reviewers."))
        who = asked[0].reviewer
        inline = _open_comments(course, [who.pk])
        comments = [(who.display_name, asked[0].comment)] + [(who.display_name, c.text) for c in inline]
        headline = ngettext(
            "Changes requested by %(name)s: %(n)d comment",
            "Changes requested by %(name)s: %(n)d comments", len(comments),
        ) % {"name": who.display_name, "n": len(comments)}
        return ReviewStatus(headline, comments)
    if is_signoff(ts.task):
        return ReviewStatus(
            _("Peer review passed. Waiting for L&D sign-off, due %(due)s.")
            % {"due": timezone.localdate(signoff_due(ts)).strftime("%d %b %Y")}
        )
    if isinstance(ts.task.specific, PeerReviewTask):
        task = ts.task.specific
        approved = sum(a.decision == ReviewDecision.APPROVED for a in assignments)
        waiting = [a.reviewer.display_name for a in assignments if a.decision == ReviewDecision.PENDING]
        inline = _open_comments(course, [a.reviewer_id for a in assignments])
        headline = _("With reviewers: %(n)d of %(total)d approvals.") % {"n": approved, "total": task.approvals_required}
        if waiting:
            headline += " " + _("Waiting for %(names)s.") % {"names": ", ".join(waiting)}
        return ReviewStatus(headline, [(c.user.display_name, c.text) for c in inline])
    return ReviewStatus(_("In review: %(step)s.") % {"step": ts.task.name})

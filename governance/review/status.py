"""Where a course's review stands, in the words an author uses ("Changes requested by Grace
(round 1): 3 comments", "In review (round 2): 1 of 2 approvals"), instead of Wagtail's
"In Moderation" / "submitted for moderation". Shown in the author's editor (its status side
panel and its messages), in Wagtail's page explorer (a short label in its status column) and in
the workspace; computed for many rounds in a fixed number of queries (`round_statuses`)."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Comment, GroupApprovalTask, Page, TaskState, WorkflowState

from courses.models import CoursePage

from .models import BlockComment, PeerReviewTask, ReviewAssignment, ReviewDecision
from .rounds import round_numbers
from .signoff import signoff_due


@dataclass
class ReviewStatus:
    headline: str
    round_number: int = 1
    # [(who, text)] the author still has to act on: the decision's comment, then open comments
    comments: list = field(default_factory=list)
    needs_changes: bool = False
    # The same in a few words, for a status tag in a list (Wagtail's page explorer): "In review, round 2"
    label: str = ""


def _block_label(c):
    return _("“%(lesson)s”, block %(n)d") % {"lesson": c.lesson.title, "n": c.block_number}


def _in_review(number):
    return _("In review, round %(round)d") % {"round": number}


def _changes_requested(number):
    return _("Changes requested, round %(round)d") % {"round": number}


def round_statuses(task_state_ids) -> dict[int, ReviewStatus]:
    """{task state id: ReviewStatus} for the current rounds of courses in review (ids of
    in-progress or rejected task states). Five queries whatever the number of rounds."""
    ids = [i for i in set(task_state_ids) if i]
    if not ids:
        return {}
    states = list(TaskState.objects.filter(pk__in=ids).select_related("workflow_state", "task"))
    numbers = round_numbers(ids)
    peer_tasks = {t.pk: t for t in PeerReviewTask.objects.filter(pk__in={ts.task_id for ts in states})}
    signoff_type = ContentType.objects.get_for_model(GroupApprovalTask)
    assignments = {}
    for a in ReviewAssignment.objects.filter(task_state_id__in=ids).select_related("reviewer"):
        assignments.setdefault(a.task_state_id, []).append(a)
    course_ids = [int(ts.workflow_state.object_id) for ts in states]
    wagtail_comments, block_comments = {}, {}
    for c in Comment.objects.filter(page_id__in=course_ids, resolved_at__isnull=True).select_related("user").order_by("created_at"):
        wagtail_comments.setdefault(c.page_id, []).append(c)
    for c in (BlockComment.objects.filter(course_id__in=course_ids, resolved_at__isnull=True)
              .select_related("author", "lesson").order_by("created_at", "id")):
        block_comments.setdefault(c.course_id, []).append(c)
    result = {}
    for ts in states:
        course_id = int(ts.workflow_state.object_id)
        number = numbers.get(ts.pk, 1)
        mine = assignments.get(ts.pk, [])
        reviewer_ids = {a.reviewer_id for a in mine}
        open_comments = sorted(
            [(c.created_at, c.user.display_name, c.text, c.user_id) for c in wagtail_comments.get(course_id, [])]
            + [(c.created_at, c.author.display_name, f"{_block_label(c)}: {c.text}", c.author_id)
               for c in block_comments.get(course_id, [])],
            key=lambda row: row[0],
        )
        if ts.workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES or ts.status == TaskState.STATUS_REJECTED:
            asked = [a for a in mine if a.decision == ReviewDecision.CHANGES_REQUESTED]
            if not asked:
                result[ts.pk] = ReviewStatus(
                    _("Changes requested (round %(round)d): edit the course, then send it back to the reviewers.")
                    % {"round": number}, number, needs_changes=True, label=_changes_requested(number))
                continue
            who = asked[0].reviewer
            comments = [(who.display_name, asked[0].comment)] + [
                (name, text) for _at, name, text, uid in open_comments if uid in reviewer_ids]
            headline = ngettext(
                "Changes requested by %(name)s (round %(round)d): %(n)d comment",
                "Changes requested by %(name)s (round %(round)d): %(n)d comments", len(comments),
            ) % {"name": who.display_name, "round": number, "n": len(comments)}
            result[ts.pk] = ReviewStatus(headline, number, comments, needs_changes=True, label=_changes_requested(number))
        elif ts.task.content_type_id == signoff_type.pk:
            result[ts.pk] = ReviewStatus(
                _("Peer review passed (round %(round)d). Waiting for L&D sign-off, due %(due)s.")
                % {"round": number, "due": date_format(timezone.localdate(signoff_due(ts)), "SHORT_DATE_FORMAT")},
                number, label=_("Waiting for L&D sign-off"),
            )
        elif ts.task_id in peer_tasks:
            approved = sum(a.decision == ReviewDecision.APPROVED for a in mine)
            waiting = [a.reviewer.display_name for a in mine if a.decision == ReviewDecision.PENDING]
            headline = ngettext(
                "In review (round %(round)d): %(n)d of %(total)d approval",
                "In review (round %(round)d): %(n)d of %(total)d approvals", peer_tasks[ts.task_id].approvals_required,
            ) % {"round": number, "n": approved, "total": peer_tasks[ts.task_id].approvals_required}
            if waiting:
                headline += ". " + _("Waiting for %(names)s.") % {"names": ", ".join(waiting)}
            comments = [(name, text) for _at, name, text, uid in open_comments if uid in reviewer_ids]
            result[ts.pk] = ReviewStatus(headline, number, comments, label=_in_review(number))
        else:
            result[ts.pk] = ReviewStatus(_("In review (round %(round)d).") % {"round": number}, number, label=_in_review(number))
    return result


def listing_statuses(pages) -> dict[int, ReviewStatus]:
    """{page id: ReviewStatus} for the courses among `pages` that are in review, for a list of pages
    (Wagtail's explorer). It uses the workflow states the explorer prefetches (`_current_workflow_states`)
    and reads the others in one query, so a list of any length costs the fixed queries of
    `round_statuses`, and none at all when the explorer's prefetch shows no course in review."""
    courses = [p for p in pages if isinstance(p, CoursePage) and p.pk]
    round_of = {}
    for page in courses:
        for state in getattr(page, "_current_workflow_states", ()):
            if state.current_task_state_id:
                round_of[page.pk] = state.current_task_state_id
    unknown = [str(p.pk) for p in courses if not hasattr(p, "_current_workflow_states")]
    if unknown:
        for state in WorkflowState.objects.filter(
            object_id__in=unknown, base_content_type=ContentType.objects.get_for_model(Page),
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        ).exclude(current_task_state__isnull=True):
            round_of[int(state.object_id)] = state.current_task_state_id
    statuses = round_statuses(round_of.values())
    return {page_id: statuses[ts_id] for page_id, ts_id in round_of.items() if ts_id in statuses}


def current_state(course):
    return (
        WorkflowState.objects.filter(
            object_id=str(course.pk), base_content_type=ContentType.objects.get_for_model(Page),
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        ).first()
    )


def review_status(course) -> ReviewStatus | None:
    """None when the course is not in review."""
    state = current_state(course)
    if state is None or state.current_task_state_id is None:
        return None
    return round_statuses([state.current_task_state_id]).get(state.current_task_state_id)

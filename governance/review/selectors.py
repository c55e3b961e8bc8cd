"""Reads of the peer review: who may review, the checklist, queues and due dates."""


from wagtail.models import TaskState, WorkflowState

from courses.models import CoursePage
from courses.permissions import course_author_ids
from sme.models import CourseOrigin

from . import conf
from .models import PeerReviewTask, ReviewAssignment, ReviewDecision


def course_of(task_state):
    """The CoursePage under review in `task_state`, or None when the page is not a course."""
    ws = task_state.workflow_state
    return CoursePage.objects.filter(pk=ws.object_id).first()


def course_people_excluded_from_review(*, course, workflow_state=None) -> set[int]:
    """Ids of the people who may never review `course`: its authors and co-authors, its owner,
    and whoever submitted it."""
    ids = course_author_ids(course)
    if workflow_state is not None and workflow_state.requested_by_id:
        ids.add(workflow_state.requested_by_id)
    return ids


def checklist_for(course) -> list[str]:
    """The review checklist: the one of the template the course was started from, or the default."""
    origin = CourseOrigin.objects.filter(course=course).select_related("template").first()
    if origin and origin.template:
        items = list(origin.template.checklist_items.values_list("text", flat=True))
        if items:
            return items
    return conf.default_checklist()


def review_queue(*, reviewer):
    """The reviews waiting for `reviewer`, soonest due first. A fixed number of queries."""
    return (
        ReviewAssignment.objects.filter(reviewer=reviewer, decision=ReviewDecision.PENDING)
        .select_related("course", "task_state")
        .order_by("due_at", "id")
    )


def recent_reviews_by(*, reviewer, limit=10):
    return (
        ReviewAssignment.objects.filter(reviewer=reviewer)
        .exclude(decision=ReviewDecision.PENDING)
        .select_related("course")
        .order_by("-completed_at")[:limit]
    )


def current_round(course):
    """The in-progress peer-review TaskState of `course`, or None."""
    return (
        TaskState.objects.filter(
            workflow_state__object_id=str(course.pk),
            workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
            status=TaskState.STATUS_IN_PROGRESS,
            task__in=PeerReviewTask.objects.all(),
        )
        .order_by("-started_at")
        .first()
    )


def review_history(course):
    """Every assignment of every round of `course`, newest round first: the whole history across resubmissions."""
    return (
        ReviewAssignment.objects.filter(course=course)
        .select_related("reviewer", "task_state")
        .order_by("-task_state__started_at", "assigned_at", "id")
    )


def courses_reviewed_by(*, user):
    return CoursePage.objects.filter(
        review_assignments__reviewer=user,
        review_assignments__decision__in=[ReviewDecision.APPROVED, ReviewDecision.CHANGES_REQUESTED],
    ).distinct()

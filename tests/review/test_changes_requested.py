"""A change request sends the course back to its authors, and approvals start again."""

import pytest
from wagtail.models import WorkflowState

from governance.review import services
from governance.review.models import ReviewDecision
from guild.notifications.models import Notification
from tests.support.courses import make_course
from tests.support.review import current_round, make_reviewer, submit_for_review

pytestmark = pytest.mark.django_db


def everything(course):
    from governance.review.selectors import checklist_for

    return list(range(len(checklist_for(course))))


@pytest.fixture
def setup(catalogue, expert, django_capture_on_commit_callbacks):
    reviewers = [make_reviewer("SQL"), make_reviewer("SQL")]
    course = make_course("Indexes", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(course, expert)
    return course, reviewers


def test_a_change_request_rejects_the_round_and_tells_the_author(setup, expert, django_capture_on_commit_callbacks):
    course, (alice, bob) = setup
    round_ = current_round(course)
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(task_state=round_, reviewer=alice, checklist=everything(course))
        services.request_changes(task_state=round_, reviewer=bob, comment="The join example is wrong.")
    round_.refresh_from_db()
    assert round_.status == "rejected"
    assert course.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    note = Notification.objects.get(recipient=expert, kind="review.changes_requested")
    assert "join example" in note.body


def test_resubmitting_starts_a_new_round_with_the_same_reviewers_and_no_approvals(setup, expert):
    course, (alice, bob) = setup
    first = current_round(course)
    services.approve(task_state=first, reviewer=alice, checklist=everything(course))
    services.request_changes(task_state=first, reviewer=bob, comment="Add an exercise.")

    course.refresh_from_db()
    course.save_revision(user=expert)
    course.current_workflow_state.resume(user=expert)  # "Resubmit" in the editor
    second = current_round(course)
    assert second.pk != first.pk
    assert {a.reviewer for a in second.review_assignments.all()} == {alice, bob}
    assert second.review_assignments.filter(decision=ReviewDecision.APPROVED).count() == 0

    services.approve(task_state=second, reviewer=alice, checklist=everything(course))
    course.refresh_from_db()
    assert not course.live, "the approval of the first round must not count again"
    services.approve(task_state=second, reviewer=bob, checklist=everything(course))
    course.refresh_from_db()
    assert course.live
    # The whole history stays: two rounds, four decisions.
    from governance.review.selectors import review_history

    assert [a.decision for a in review_history(course)] == ["approved", "approved", "approved", "changes"]


def test_requesting_changes_without_a_comment_is_refused_and_changes_nothing(setup):
    course, (alice, _bob) = setup
    round_ = current_round(course)
    with pytest.raises(services.ReviewError, match="change"):
        services.request_changes(task_state=round_, reviewer=alice, comment="   ")
    round_.refresh_from_db()
    assert round_.status == "in_progress"
    assert round_.review_assignments.get(reviewer=alice).decision == ReviewDecision.PENDING


def test_after_changes_are_requested_nobody_can_approve_the_closed_round(setup):
    course, (alice, bob) = setup
    round_ = current_round(course)
    services.request_changes(task_state=round_, reviewer=bob, comment="Too long.")
    with pytest.raises(services.ReviewError, match="closed"):
        services.approve(task_state=round_, reviewer=alice, checklist=everything(course))

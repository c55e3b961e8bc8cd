"""N distinct approvals publish a course; nobody counts twice; authors never approve."""

import pytest

from governance.review import services
from governance.review.models import ReviewAssignment, ReviewDecision
from tests.support.courses import lessons_of, make_course
from tests.support.review import current_round, make_reviewer, submit_for_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(catalogue, expert):
    return make_course("SQL joins", authors=[expert], skills=["SQL"], lessons=2, publish=False)


@pytest.fixture
def reviewers(db):
    return [make_reviewer("SQL"), make_reviewer("SQL")]


def everything(course):
    from governance.review.selectors import checklist_for

    return list(range(len(checklist_for(course))))


def test_two_approvals_from_two_reviewers_publish_the_course_and_its_lessons(course, reviewers, expert):
    submit_for_review(course, expert)
    round_ = current_round(course)
    assert {a.reviewer for a in round_.review_assignments.all()} == set(reviewers)

    first = services.approve(task_state=round_, reviewer=reviewers[0], checklist=everything(course))
    course.refresh_from_db()
    assert (first.approvals, first.round_closed, course.live) == (1, False, False)

    second = services.approve(task_state=round_, reviewer=reviewers[1], checklist=everything(course))
    course.refresh_from_db()
    assert (second.approvals, second.round_closed, course.live) == (2, True, True)
    assert all(lesson.live for lesson in lessons_of(course))


def test_a_second_approval_by_the_same_reviewer_does_not_count_twice(course, reviewers, expert):
    submit_for_review(course, expert)
    round_ = current_round(course)
    services.approve(task_state=round_, reviewer=reviewers[0], checklist=everything(course))
    again = services.approve(task_state=round_, reviewer=reviewers[0], checklist=everything(course))
    course.refresh_from_db()
    assert again.already_done and again.approvals == 1
    assert not course.live


def test_the_author_is_never_assigned_and_cannot_approve(catalogue, reviewers):
    author = make_reviewer("SQL")
    course = make_course("Window functions", authors=[author], skills=["SQL"], publish=False)
    submit_for_review(course, author)
    round_ = current_round(course)
    assert author not in {a.reviewer for a in round_.review_assignments.all()}
    with pytest.raises(services.ReviewError, match="author"):
        services.approve(task_state=round_, reviewer=author, checklist=everything(course))
    assert round_.review_assignments.filter(decision=ReviewDecision.APPROVED).count() == 0


def test_a_co_author_is_never_assigned_and_cannot_approve(catalogue, expert, reviewers):
    co_author = make_reviewer("SQL")
    course = make_course("CTEs", authors=[expert], co_authors=[co_author], skills=["SQL"], publish=False)
    submit_for_review(course, expert)
    round_ = current_round(course)
    assert co_author not in {a.reviewer for a in round_.review_assignments.all()}
    with pytest.raises(services.ReviewError):
        services.approve(task_state=round_, reviewer=co_author, checklist=everything(course))


def test_someone_not_assigned_cannot_approve(course, reviewers, expert):
    outsider = make_reviewer("SQL")
    ReviewAssignment.objects.all().delete()
    submit_for_review(course, expert)
    round_ = current_round(course)
    assigned = {a.reviewer_id for a in round_.review_assignments.all()}
    stranger = outsider if outsider.pk not in assigned else reviewers[0]
    if stranger.pk in assigned:
        pytest.skip("every reviewer was assigned")
    with pytest.raises(services.ReviewError, match="not a reviewer"):
        services.approve(task_state=round_, reviewer=stranger, checklist=everything(course))


def test_approving_without_ticking_the_whole_checklist_is_refused_and_changes_nothing(course, reviewers, expert):
    submit_for_review(course, expert)
    round_ = current_round(course)
    with pytest.raises(services.ReviewError, match="checklist"):
        services.approve(task_state=round_, reviewer=reviewers[0], checklist=[0])
    assignment = round_.review_assignments.get(reviewer=reviewers[0])
    assert assignment.decision == ReviewDecision.PENDING and assignment.completed_at is None


def test_the_required_number_of_approvals_is_set_on_the_task(course, expert):
    from governance.review.models import PeerReviewTask

    PeerReviewTask.objects.update(approvals_required=3)
    people = [make_reviewer("SQL") for _ in range(3)]
    submit_for_review(course, expert)
    round_ = current_round(course)
    assert round_.review_assignments.count() == 3
    for n, person in enumerate(people[:2], start=1):
        assert services.approve(task_state=round_, reviewer=person, checklist=everything(course)).approvals == n
    course.refresh_from_db()
    assert not course.live
    services.approve(task_state=round_, reviewer=people[2], checklist=everything(course))
    course.refresh_from_db()
    assert course.live

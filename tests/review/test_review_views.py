"""The review queue and the review page: who sees what, and deciding from the site."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.review.models import ReviewAssignment, ReviewDecision
from tests.support.courses import make_course
from tests.support.review import current_round, make_reviewer, submit_for_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(catalogue, expert):
    reviewers = [make_reviewer("SQL"), make_reviewer("SQL")]
    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(course, expert)
    return course, reviewers


def test_a_reviewer_sees_their_queue_with_due_dates(client, in_review):
    course, (alice, _bob) = in_review
    client.force_login(alice)
    response = client.get(reverse("sme:review:queue"))
    assert response.status_code == 200
    assert "Joins" in response.text


def test_a_learner_cannot_open_the_review_queue(client, learner):
    client.force_login(learner)
    assert client.get(reverse("sme:review:queue")).status_code == 403


def test_a_reviewer_approves_from_the_review_page_after_ticking_the_checklist(client, in_review):
    course, (alice, _bob) = in_review
    assignment = ReviewAssignment.objects.get(reviewer=alice)
    client.force_login(alice)
    url = reverse("sme:review:review", args=[assignment.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Lesson 1" in page.text
    refused = client.post(url, {"decision": "approve", "checklist": ["0"]})
    assert refused.status_code == 200 and "Tick every item" in refused.text
    assignment.refresh_from_db()
    assert assignment.decision == ReviewDecision.PENDING
    from governance.review.selectors import checklist_for

    ticked = [str(i) for i in range(len(checklist_for(course)))]
    assert client.post(url, {"decision": "approve", "checklist": ticked}).status_code == 302
    assignment.refresh_from_db()
    assert assignment.decision == ReviewDecision.APPROVED


def test_a_reviewer_cannot_open_someone_elses_review(client, in_review):
    _course, (alice, bob) = in_review
    client.force_login(bob)
    other = ReviewAssignment.objects.get(reviewer=alice)
    url = reverse("sme:review:review", args=[other.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"decision": "changes", "comment": "no"}).status_code == 404
    other.refresh_from_db()
    assert other.decision == ReviewDecision.PENDING


def test_the_author_cannot_decide_through_the_review_page(client, in_review, expert):
    _course, (alice, _bob) = in_review
    client.force_login(expert)
    assignment = ReviewAssignment.objects.get(reviewer=alice)
    assert client.post(reverse("sme:review:review", args=[assignment.pk]), {"decision": "changes", "comment": "x"}).status_code == 404


def test_the_course_history_is_for_authors_reviewers_and_ld_only(client, in_review, expert, other_expert, ld_admin):
    course, (alice, _bob) = in_review
    url = reverse("sme:review:course", args=[course.pk])
    for person, status in ((expert, 200), (alice, 200), (ld_admin, 200), (other_expert, 404)):
        client.force_login(person)
        assert client.get(url).status_code == status, person


def test_an_ld_admin_reassigns_from_the_review_page(client, in_review, ld_admin):
    _course, (alice, _bob) = in_review
    carol = make_reviewer("Statistics")
    assignment = ReviewAssignment.objects.get(reviewer=alice)
    client.force_login(ld_admin)
    response = client.post(reverse("sme:review:reassign", args=[assignment.pk]), {"reviewer": carol.pk})
    assert response.status_code == 302
    assert ReviewAssignment.objects.filter(reviewer=carol, decision=ReviewDecision.PENDING).exists()
    client.force_login(alice)
    assert client.post(reverse("sme:review:reassign", args=[assignment.pk]), {"reviewer": alice.pk}).status_code == 403


def test_the_review_queue_runs_a_fixed_number_of_queries(client, catalogue, expert, django_assert_max_num_queries):
    reviewer = make_reviewer("SQL")
    make_reviewer("SQL")
    client.force_login(reviewer)
    url = reverse("sme:review:queue")
    counts = []
    for size in (1, 6):
        while ReviewAssignment.objects.filter(reviewer=reviewer).count() < size:
            course = make_course(f"Course {size}", authors=[expert], skills=["SQL"], lessons=1, publish=False)
            submit_for_review(course, expert)
        with django_assert_max_num_queries(12), CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_decisions_in_the_wagtail_editor_go_through_the_same_rules(in_review, expert):
    course, (alice, _bob) = in_review
    task = course.current_workflow_task
    assert [a[0] for a in task.get_actions(course, alice)] == ["reject", "approve"]
    assert task.get_actions(course, expert) == []
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        task.on_action(current_round(course), alice, "approve", checklist=["0"], comment="")

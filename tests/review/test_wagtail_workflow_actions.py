"""Deciding through the Wagtail editor's workflow menu (the approve/request-changes modal)."""

import pytest
from django.urls import reverse

from governance.review.models import ReviewDecision
from tests.support.courses import make_course
from tests.support.review import current_round, make_reviewer, submit_for_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(catalogue, expert):
    reviewers = [make_reviewer("SQL"), make_reviewer("SQL")]
    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(course, expert)
    return course, reviewers, current_round(course)


def action_url(course, action, round_):
    return reverse("wagtailadmin_pages:workflow_action", args=[course.pk, action, round_.pk])


def test_the_approve_modal_lists_the_checklist(client, in_review):
    course, (alice, _bob), round_ = in_review
    client.force_login(alice)
    response = client.get(action_url(course, "approve", round_), headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 200
    from governance.review.selectors import checklist_for

    for item in checklist_for(course):
        assert item in response.json()["html"]


def test_approving_in_the_editor_without_the_checklist_changes_nothing(client, in_review):
    course, (alice, _bob), round_ = in_review
    client.force_login(alice)
    client.post(action_url(course, "approve", round_), {"checklist_size": "5", "checklist": ["0"], "comment": ""})
    assert round_.review_assignments.get(reviewer=alice).decision == ReviewDecision.PENDING


def test_approving_in_the_editor_with_the_checklist_counts(client, in_review):
    course, (alice, _bob), round_ = in_review
    from governance.review.selectors import checklist_for

    n = len(checklist_for(course))
    client.force_login(alice)
    client.post(action_url(course, "approve", round_), {"checklist_size": str(n), "checklist": [str(i) for i in range(n)]})
    assert round_.review_assignments.get(reviewer=alice).decision == ReviewDecision.APPROVED


def test_the_author_cannot_approve_through_the_editor_url(client, in_review, expert):
    course, _reviewers, round_ = in_review
    client.force_login(expert)
    response = client.post(action_url(course, "approve", round_), {"checklist_size": "0"})
    assert response.status_code in (302, 403)
    assert not round_.review_assignments.filter(decision=ReviewDecision.APPROVED).exists()
    course.refresh_from_db()
    assert not course.live

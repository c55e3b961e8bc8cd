"""The review page shows what the learner will meet, quiz answers included, and a refused
approval keeps what the reviewer ticked (issue 19, found 3 and 7)."""

import re

import pytest
from django.urls import reverse

from governance.review.models import ReviewAssignment
from governance.review.selectors import checklist_for
from tests.support.courses import QUESTION, make_course
from tests.support.review import current_round, make_reviewer, submit_for_review
from tests.support.review_actions import workflow_action_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(catalogue, expert):
    reviewers = [make_reviewer("SQL"), make_reviewer("SQL")]
    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(course, expert)
    return course, reviewers


def checked_boxes(html):
    return sorted(re.findall(r'name="checklist" value="(\d+)"[^>]*\bchecked', html))


def test_the_review_page_shows_quiz_options_correct_answers_and_feedback(client, in_review):
    course, (alice, _bob) = in_review
    client.force_login(alice)
    html = client.get(reverse("sme:review:review", args=[ReviewAssignment.objects.get(reviewer=alice).pk])).text
    for choice in QUESTION["choices"]:
        assert choice["text"] in html
        assert choice["feedback"] in html
    assert "Correct:</strong> WHERE" in html
    assert QUESTION["explanation"] in html


def test_a_refused_approval_on_the_review_page_keeps_the_ticks(client, in_review):
    course, (alice, _bob) = in_review
    client.force_login(alice)
    url = reverse("sme:review:review", args=[ReviewAssignment.objects.get(reviewer=alice).pk])
    refused = client.post(url, {"decision": "approve", "checklist": ["0", "2"], "comment": "Nearly there."})
    assert "Tick every item" in refused.text
    assert checked_boxes(refused.text) == ["0", "2"]


def test_a_refused_approval_in_the_editor_modal_keeps_the_ticks(client, in_review):
    course, (alice, _bob) = in_review
    client.force_login(alice)
    round_ = current_round(course)
    size = len(checklist_for(course))
    response = client.post(workflow_action_url(course, "approve", round_),
                           {"checklist_size": str(size), "checklist": ["1"], "comment": ""},
                           headers={"x-requested-with": "XMLHttpRequest"})
    html = response.json()["html"]
    assert "Tick every item" in html
    assert checked_boxes(html) == ["1"]

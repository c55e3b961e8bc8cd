"""The author's editor says where the review stands in plain words, with the reviewers' open
comments, and its buttons avoid Wagtail's moderation jargon (issue 19, found 11)."""

import pytest
from django.urls import reverse
from wagtail.models import Comment

from governance.review import services
from tests.support.courses import make_course
from tests.support.review import current_round, make_reviewer, submit_for_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent_back(catalogue, expert):
    grace = make_reviewer("SQL", email="grace@example.com")
    grace.first_name, grace.last_name = "Grace", "Hopper"
    grace.save()
    make_reviewer("SQL")
    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(course, expert)
    Comment.objects.create(page=course, user=grace, text="Define a join before using it.", contentpath="summary")
    Comment.objects.create(page=course, user=grace, text="Add an example.", contentpath="title")
    services.request_changes(task_state=current_round(course), reviewer=grace, comment="Two gaps, see my comments.")
    return course, grace


def test_the_author_editor_says_who_asked_for_changes_and_lists_the_comments(client, sent_back, expert):
    course, grace = sent_back
    client.force_login(expert)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).content.decode()
    assert f"Changes requested by {grace.display_name} (round 1): 3 comments" in html
    for text in ("Two gaps, see my comments.", "Define a join before using it.", "Add an example."):
        assert text in html


def test_the_author_resubmits_with_plain_words(client, sent_back, expert):
    course, _grace = sent_back
    client.force_login(expert)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).content.decode()
    assert "Send the changes to the reviewers" in html
    assert "Resubmit to" not in html


def test_a_draft_offers_submit_for_peer_review(client, catalogue, expert):
    course = make_course("Draft", authors=[expert], publish=False)
    client.force_login(expert)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).content.decode()
    assert "Submit for peer review" in html
    assert "Submit to Course review" not in html


def test_while_in_review_the_author_sees_the_approvals_so_far(client, catalogue, expert):
    make_reviewer("SQL"), make_reviewer("SQL")
    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(course, expert)
    client.force_login(expert)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).content.decode()
    assert "In review (round 1): 0 of 2 approvals." in html


def test_a_new_course_form_offers_submit_for_peer_review(client, catalogue, expert):
    client.force_login(expert)
    response = client.get(reverse("wagtailadmin_pages:add", args=["courses", "coursepage", catalogue.pk]))
    assert response.status_code == 200
    assert "Submit for peer review" in response.content.decode()

"""Wagtail's own editor speaks of peer review in plain words to a course's authors: its status
side panel and its messages never say "In Moderation" or "submitted for moderation", in English
or in French (issue 19, found 11)."""

import pytest
from django.urls import reverse

from governance.review import services
from tests.support.courses import make_course
from tests.support.editor import course_edit_form
from tests.support.review import current_round, make_reviewer, submit_for_review

pytestmark = pytest.mark.django_db


def side_panel(html):
    start = html.index('data-testid="plain-review-status"')
    return html[start:start + 4000]


@pytest.fixture
def in_review(catalogue, expert):
    grace = make_reviewer("SQL", email="grace@example.com")
    grace.first_name, grace.last_name = "Grace", "Hopper"
    grace.save()
    make_reviewer("SQL")
    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(course, expert)
    return course, grace


def test_the_status_panel_says_how_many_approvals_in_which_round(client, in_review, expert):
    course, _grace = in_review
    client.force_login(expert)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).content.decode()
    assert "In review (round 1): 0 of 2 approvals" in side_panel(html)
    assert "In Moderation" not in html


def test_the_status_panel_says_who_requested_changes(client, in_review, expert):
    course, grace = in_review
    services.request_changes(task_state=current_round(course), reviewer=grace, comment="Add an example.")
    client.force_login(expert)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).content.decode()
    panel = side_panel(html)
    assert "Changes requested by Grace Hopper (round 1): 1 comment" in panel
    assert "1 comment to address" in panel
    assert "In Moderation" not in html


def test_in_french_the_panel_has_no_moderation_jargon_either(client, in_review, expert):
    course, _grace = in_review
    expert.language = "fr"
    expert.save(update_fields=["language"])
    client.force_login(expert)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).content.decode()
    assert 'lang="fr"' in html
    side_panel(html)
    assert "En cours de modération" not in html and "In Moderation" not in html


def test_submitting_from_the_editor_says_the_course_is_with_the_reviewers(client, catalogue, expert):
    make_reviewer("SQL"), make_reviewer("SQL")
    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    client.force_login(expert)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[course.pk]),
                           course_edit_form(course, **{"action-submit": "1"}), follow=True)
    html = response.content.decode()
    assert "“Joins” is with the reviewers. In review (round 1): 0 of 2 approvals" in html
    assert "submitted for moderation" not in html


def test_pages_that_are_not_courses_keep_wagtails_panel(client, catalogue, expert, django_user_model):
    admin = django_user_model.objects.create_superuser(email="root@example.com", password="x")
    client.force_login(admin)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[catalogue.pk])).content.decode()
    assert 'data-testid="plain-review-status"' not in html
    assert "Status" in html

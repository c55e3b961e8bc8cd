"""Wagtail's page explorer shows a course in peer review with Guild's plain status ("In review,
round 1", "Changes requested, round 1"), as the editor's side panel and the workspace do, never
Wagtail's "in moderation"; other pages keep Wagtail's status; a longer list costs no more queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.review import services
from tests.support.courses import make_course
from tests.support.review import current_round, make_reviewer, submit_for_review

pytestmark = pytest.mark.django_db


TITLE = re.compile(r'<span id="page_\d+_title">(.*?)</span>', re.S)
STATUS = re.compile(r'class="w-status[^"]*"[^>]*>\s*(?:<span class="w-sr-only">[^<]*</span>)?([^<]*)<', re.S)


def statuses(html):
    """{row title: the words of its status tag} in the explorer's listing."""
    found = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, flags=re.S):
        title, status = TITLE.search(row), STATUS.search(row)
        if title and status:
            found[" ".join(re.sub(r"<[^>]+>", "", title.group(1)).split())] = " ".join(status.group(1).split())
    return found


@pytest.fixture
def reviewers(catalogue):
    grace = make_reviewer("SQL", email="grace@example.com")
    make_reviewer("SQL")
    return grace


def explore(client, page):
    response = client.get(reverse("wagtailadmin_explore", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_an_author_sees_their_course_in_review_with_its_round_not_in_moderation(client, catalogue, reviewers, expert):
    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(course, expert)
    make_course("Window functions", authors=[expert], publish=False)
    client.force_login(expert)
    html = explore(client, catalogue)
    assert statuses(html) == {"Joins": "In review, round 1", "Window functions": "draft"}
    assert "in moderation" not in html.lower()
    assert 'title="In review (round 1): 0 of 2 approvals.' in html  # the full status on hover


def test_changes_requested_reads_as_such_in_the_explorer(client, catalogue, reviewers, expert):
    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(course, expert)
    services.request_changes(task_state=current_round(course), reviewer=reviewers, comment="Add an example.")
    client.force_login(expert)
    html = explore(client, catalogue)
    assert statuses(html)["Joins"] == "Changes requested, round 1"
    assert "Changes requested by" in html and "in moderation" not in html.lower()


def test_a_live_course_under_review_again_says_both(client, catalogue, reviewers, expert):
    course = make_course("Joins", authors=[expert], skills=["SQL"])
    submit_for_review(course, expert)
    client.force_login(expert)
    html = explore(client, catalogue)
    assert statuses(html)["Joins"] == "live + In review, round 1"
    assert "in moderation" not in html.lower()


def test_in_french_the_explorer_has_no_moderation_jargon_either(client, catalogue, reviewers, expert):
    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(course, expert)
    expert.language = "fr"
    expert.save(update_fields=["language"])
    client.force_login(expert)
    html = explore(client, catalogue)
    assert "modération" not in html.lower() and "in moderation" not in html.lower()


def test_pages_that_are_not_courses_keep_wagtails_status(client, catalogue, django_user_model):
    admin = django_user_model.objects.create_superuser(email="root@example.com", password="x")
    client.force_login(admin)
    html = explore(client, catalogue.get_parent())
    assert statuses(html)[catalogue.title] == "live"


REVIEW_TABLES = re.compile(r"wagtailcore_(workflowstate|taskstate|task|comment)\b|review_", re.I)


def test_the_statuses_cost_the_same_queries_for_one_or_four_courses_in_review(client, catalogue, reviewers, expert):
    # Wagtail's explorer itself asks per row (page permissions); the review statuses do not.
    client.force_login(expert)
    counts = []
    for size in (1, 4):
        for n in range(size):
            course = make_course(f"Course {size}-{n}", authors=[expert], skills=["SQL"], publish=False)
            submit_for_review(course, expert)
        explore(client, catalogue)  # warm the caches
        with CaptureQueriesContext(connection) as queries:
            html = explore(client, catalogue)
        assert list(statuses(html).values()).count("In review, round 1") == (5 if size == 4 else 1)
        counts.append(sum(bool(REVIEW_TABLES.search(q["sql"])) for q in queries.captured_queries))
    assert counts[0] == counts[1] <= 16, counts

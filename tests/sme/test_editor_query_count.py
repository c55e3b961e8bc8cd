"""Wagtail admin speed (issue 19, build item 7): the page editor of a course, opened and saved as
a draft by its author, runs a bounded number of queries that does not grow with its lessons.
Guild's panels, hooks and permission checks used to ask the same questions again and again (who
authors this course: nine times a page; the unread count twice; a revision rebuilt twice per save)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.support.courses import make_course
from tests.support.editor import course_edit_form

pytestmark = pytest.mark.django_db

# 58 before the cut, 47 after it; then +4 from this wave's merged features (the course's "Order" panel
# with its prerequisites chooser, and the review's plain status in the side panel), flat in the lessons.
EDITOR_GET_BOUND = 51
SAVE_DRAFT_BOUND = 67  # 83 before the cut


def editor_queries(client, course):
    url = reverse("wagtailadmin_pages:edit", args=[course.pk])
    client.get(url)  # warm the caches (content types, site root paths)
    with CaptureQueriesContext(connection) as got:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as saved:
        assert client.post(url, course_edit_form(course)).status_code == 302
    return len(got), len(saved)


def test_the_course_editor_runs_few_queries_whatever_the_number_of_lessons(client, catalogue, expert):
    client.force_login(expert)
    small = editor_queries(client, make_course("Three lessons", authors=[expert], lessons=3))
    large = editor_queries(client, make_course("Ten lessons", authors=[expert], lessons=10))
    assert small == large
    assert large[0] <= EDITOR_GET_BOUND and large[1] <= SAVE_DRAFT_BOUND, large


def test_an_author_added_in_the_editor_can_edit_in_the_same_request_cycle(client, catalogue, expert, other_expert):
    """The per-request memory of who authors a course forgets it when the authors change."""
    course = make_course("Shared", authors=[expert], lessons=1, publish=False)
    client.force_login(expert)
    form = course_edit_form(course)
    form.update({"course_authors-TOTAL_FORMS": "2", "course_authors-1-user": str(other_expert.pk),
                 "course_authors-1-is_lead": "", "course_authors-1-id": "", "course_authors-1-ORDER": "2",
                 "course_authors-1-DELETE": ""})
    assert client.post(reverse("wagtailadmin_pages:edit", args=[course.pk]), form).status_code == 302
    client.force_login(other_expert)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).status_code == 200

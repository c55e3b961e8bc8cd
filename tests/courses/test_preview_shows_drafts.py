"""An author's preview walks the draft course: its draft lessons, in order, with the learner's
navigation (issue 19, found 4)."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from tests.support.courses import lessons_of, make_course

pytestmark = pytest.mark.django_db


def preview(page, user):
    request = RequestFactory().get("/cms/")
    request.user = user
    return page.get_latest_revision_as_object().make_preview_request(request).content.decode()


def test_a_draft_course_previews_with_its_draft_lessons_in_order(expert):
    course = make_course("Draft course", authors=[expert], lessons=3, publish=False)
    html = preview(course, expert)
    assert "This course has no lessons yet" not in html
    positions = [html.index(f"Lesson {n}</a>") for n in (1, 2, 3)]
    assert positions == sorted(positions)
    # Each lesson links to its own draft preview, not to a public URL that does not exist yet.
    assert reverse("wagtailadmin_pages:view_draft", args=[lessons_of(course)[0].pk]) in html


def test_a_draft_lesson_previews_with_its_place_in_the_course(expert):
    course = make_course("Draft course", authors=[expert], lessons=3, publish=False)
    second = lessons_of(course)[1]
    html = preview(second, expert)
    assert "Lesson 2 of 3" in html
    assert reverse("wagtailadmin_pages:view_draft", args=[lessons_of(course)[2].pk]) in html


def test_learners_still_see_only_live_lessons(client, learner, expert):
    course = make_course("Live course", authors=[expert], lessons=2)
    from tests.support.courses import make_lesson

    make_lesson(course, title="Unreviewed draft", publish=False)
    client.force_login(learner)
    html = client.get(course.url).content.decode()
    assert "Unreviewed draft" not in html

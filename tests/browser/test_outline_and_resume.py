"""The course outline beside every lesson (done, current, still to do) and the Resume button of
My learning and Home, in Chromium. Issue 20, what to build 1 (in part)."""

import re

import pytest

from tests.support.browser import sign_in
from tests.support.courses import enrol, make_course
from tests.support.people import PASSWORD


def outline_states(page):
    items = page.locator(".lesson-outline__item")
    return [
        (items.nth(i).get_by_role("link").inner_text(),
         "done" if "is-done" in items.nth(i).get_attribute("class") else
         "current" if items.nth(i).get_by_role("link").get_attribute("aria-current") == "step" else "todo")
        for i in range(items.count())
    ]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_outline_follows_the_learner_and_resume_brings_them_back(page, learner):
    course = make_course("Negotiation basics", lessons=3, quiz=False)
    enrol(learner, course)
    sign_in(page, learner.email, PASSWORD)

    page.goto("/learning/")
    page.get_by_role("link", name=re.compile(r"^Start\W+Negotiation basics$")).click()
    page.get_by_role("link", name="Start the course").click()
    page.get_by_role("heading", name="Lesson 1", level=1).wait_for()
    assert outline_states(page) == [("Lesson 1", "current"), ("Lesson 2", "todo"), ("Lesson 3", "todo")]

    page.get_by_role("button", name="Mark as complete").click()
    page.get_by_role("heading", name="Lesson 2", level=1).wait_for()
    assert outline_states(page) == [("Lesson 1", "done"), ("Lesson 2", "current"), ("Lesson 3", "todo")]
    assert page.get_by_role("navigation", name="Course outline").is_visible()

    page.goto("/")
    page.get_by_role("link", name=re.compile(r"^Resume\W+Negotiation basics$")).click()
    page.get_by_role("heading", name="Lesson 2", level=1).wait_for()

    page.get_by_role("navigation", name="Course outline").get_by_role("link", name="Lesson 1").click()
    page.get_by_role("heading", name="Lesson 1", level=1).wait_for()
    first = page.locator(".lesson-outline__item").first
    assert "is-done" in first.get_attribute("class") and first.get_by_role("link").get_attribute("aria-current") == "step"

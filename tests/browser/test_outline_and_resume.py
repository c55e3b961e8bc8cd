"""The course outline beside every lesson (done, current, still to do, locked) and the Resume button of
Home, My learning and the catalogue cards, in Chromium, on a desktop and a phone. Issue 20, build 1."""

import re

import pytest

from tests.support.browser import sign_in
from tests.support.courses import enrol, lessons_of, make_course
from tests.support.people import PASSWORD

PHONE = {"width": 375, "height": 740}


def outline_states(page):
    items = page.locator(".lesson-outline__item")
    states = []
    for i in range(items.count()):
        item = items.nth(i)
        classes = item.get_attribute("class")
        title = item.locator("a, .lesson-outline__locked").first.inner_text()
        link = item.get_by_role("link")
        current = link.count() and link.get_attribute("aria-current") == "step"
        states.append((title, "done" if "is-done" in classes else "locked" if "is-locked" in classes else
                       "current" if current else "todo"))
    return states


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_outline_follows_the_learner_and_resume_brings_them_back(page, learner):
    course = make_course("Negotiation basics", lessons=3, quiz=False)
    enrol(learner, course)
    sign_in(page, learner.email, PASSWORD)

    page.goto("/learning/")
    # "Next up" leads My learning; its Start opens the first lesson.
    page.get_by_role("region", name="Next up").get_by_role("link", name=re.compile(r"^Start\W+Negotiation basics$")).click()
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


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_course_in_order_locks_its_lessons_and_the_catalogue_card_resumes(page, learner):
    course = make_course("Fire safety", lessons=3, quiz=False)
    course.lessons_in_order = True
    course.save_revision().publish()
    enrol(learner, course)
    sign_in(page, learner.email, PASSWORD)

    page.goto("/courses/")
    card = page.locator(".course-card", has_text="Fire safety")
    assert "Not started" in card.inner_text()
    card.get_by_role("link", name=re.compile(r"^Start\W+Fire safety$")).click()
    page.get_by_role("heading", name="Lesson 1", level=1).wait_for()
    outline = page.get_by_role("navigation", name="Course outline")
    assert outline_states(page) == [("Lesson 1", "current"), ("Lesson 2", "locked"), ("Lesson 3", "locked")]
    # Screen readers hear the state; a locked lesson is not a link.
    assert outline.locator(".lesson-outline__item").nth(1).locator(".visually-hidden").text_content() == "(locked)"
    assert outline.get_by_role("link", name="Lesson 2").count() == 0

    page.get_by_role("button", name="Mark as complete").click()
    page.get_by_role("heading", name="Lesson 2", level=1).wait_for()
    assert outline_states(page) == [("Lesson 1", "done"), ("Lesson 2", "current"), ("Lesson 3", "locked")]
    page.goto(lessons_of(course)[2].url)
    page.get_by_role("heading", name="This lesson is locked").wait_for()
    page.get_by_role("link", name="Go to “Lesson 2”").click()
    page.get_by_role("heading", name="Lesson 2", level=1).wait_for()

    page.goto("/courses/")
    card = page.locator(".course-card", has_text="Fire safety")
    assert "In progress" in card.inner_text() and "33% done" in card.inner_text()
    card.get_by_role("link", name=re.compile(r"^Resume\W+Fire safety$")).click()
    page.get_by_role("heading", name="Lesson 2", level=1).wait_for()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_outline_folds_above_the_lesson(browser, live_server, learner):
    course = make_course("Negotiation basics", lessons=3, quiz=False)
    enrol(learner, course)
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, is_mobile=True, has_touch=True)
    context.set_default_timeout(15_000)
    phone = context.new_page()
    try:
        sign_in(phone, learner.email, PASSWORD)
        phone.goto("/learning/")
        phone.get_by_role("region", name="Next up").get_by_role("link", name=re.compile(r"^Start\W+Negotiation basics$")).click()
        phone.get_by_role("heading", name="Lesson 1", level=1).wait_for()
        outline = phone.get_by_role("navigation", name="Course outline")
        lesson_two = outline.get_by_role("link", name="Lesson 2")
        assert not lesson_two.is_visible()  # folded: the lesson is not pushed below a long list
        box = outline.bounding_box()
        assert box["y"] < phone.get_by_role("heading", name="Lesson 1", level=1).bounding_box()["y"]
        outline.locator("summary").click()
        lesson_two.click()
        phone.get_by_role("heading", name="Lesson 2", level=1).wait_for()
    finally:
        context.close()

"""A learner's whole journey in Chromium: search, enrol, learn, fail then pass the quiz with
feedback, get the certificate, rate the course, and find it under completed."""

import pytest

from tests.support.browser import sign_in
from tests.support.courses import make_course
from tests.support.people import PASSWORD


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_learner_finds_takes_passes_and_rates_a_course(page, learner, expert):
    make_course("SQL for analysts", authors=[expert], skills=["SQL"], lessons=2, summary="Joins and grouping.")
    make_course("Negotiation basics", lessons=1, summary="Getting to yes.")
    sign_in(page, learner.email, PASSWORD)

    page.goto("/courses/")
    page.get_by_label("Search courses").fill("SQL")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_role("link", name="Negotiation basics").count() == 0
    page.get_by_role("link", name="SQL for analysts").click()

    page.get_by_role("button", name="Enrol").click()
    page.get_by_text("You are enrolled").wait_for()
    page.get_by_role("link", name="Start the course").click()
    page.get_by_role("heading", name="Lesson 1", level=1).wait_for()
    page.get_by_role("button", name="Mark as complete").click()

    page.get_by_role("heading", name="Lesson 2", level=1).wait_for()
    page.get_by_label("HAVING").check()
    page.get_by_role("button", name="Submit answers").click()
    page.get_by_text("HAVING filters groups, after GROUP BY.").wait_for()
    assert page.get_by_text("Not quite").is_visible()

    page.get_by_label("WHERE").check()
    page.get_by_role("button", name="Submit answers").click()
    page.get_by_text("Quiz passed with 100%").wait_for()
    page.get_by_role("link", name="Back to the course").click()

    page.get_by_role("link", name="View your certificate").click()
    page.get_by_role("heading", name="Certificate of completion").wait_for()
    assert page.get_by_text("SQL for analysts").first.is_visible()

    page.go_back()
    page.get_by_label("5 stars").check()
    page.get_by_role("radio", name="Yes").check()
    page.get_by_role("button", name="Save rating").click()
    page.get_by_text("Thanks for rating this course.").wait_for()

    page.goto("/learning/")
    completed = page.locator("#completed")
    assert completed.get_by_role("link", name="SQL for analysts").is_visible()
    assert page.locator("#certificates").get_by_role("link", name="SQL for analysts").is_visible()

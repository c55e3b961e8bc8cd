"""In Chromium: a learner who used every attempt at a quiz asks for more from the lesson; the course's
author hears of it, grants it from the requests page, and the learner, told, takes the quiz again and
passes. Issue 20, found 3 (tests/courses/test_more_quiz_attempts.py holds the rules, without a browser)."""

import re

import pytest
from playwright.sync_api import expect

from tests.support.axe import serious_problems_as_seen_by
from tests.support.browser import goto, sign_in, sign_out
from tests.support.courses import enrol, make_course, quiz_lesson
from tests.support.people import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_notification(page, title):
    """From the header's link, as a person would: the notice `title` is there, unread."""
    page.get_by_role("link", name=re.compile(r"^Notifications 1 unread")).click()
    page.wait_for_url("**/notifications/")
    notice = page.get_by_role("listitem").filter(has=page.get_by_role("link", name=title))
    expect(notice).to_contain_text("New")
    return notice


def test_a_learner_out_of_attempts_asks_an_author_grants_and_the_learner_passes(page, learner, expert):
    course = make_course("SQL for analysts", authors=[expert], lessons=1, max_quiz_attempts=1)
    enrol(learner, course)
    lesson = quiz_lesson(course)
    back_at_the_quiz = re.compile(re.escape(f"{lesson.url}#quiz") + "$")  # not "?attempt=n#quiz"

    # The learner fails the only attempt, and the lesson offers to ask instead of a dead end.
    sign_in(page, learner.email, PASSWORD)
    goto(page, lesson.url)
    quiz = page.get_by_role("region", name="Check what you learned")
    expect(quiz).to_contain_text("1 attempt left")
    quiz.get_by_label("HAVING").check()
    quiz.get_by_role("button", name="Submit answers").click()
    page.wait_for_url(re.compile(r"\?attempt=1#quiz$"))
    told = page.get_by_role("status").filter(has_text="Not yet: 0%")
    expect(told).to_contain_text("That was your last attempt")
    expect(told).not_to_contain_text("try again")  # nothing to try again with
    expect(quiz).to_contain_text("You have used every attempt at this quiz.")
    expect(quiz.get_by_role("button", name="Submit answers")).to_have_count(0)
    assert not serious_problems_as_seen_by(page, lesson.url)  # the main pages' audit never shows this form
    quiz.get_by_label("Message to the authors (optional)").fill("I misread the question about HAVING.")
    quiz.get_by_role("button", name="Ask for more attempts").click()
    page.wait_for_url(back_at_the_quiz)
    expect(page.get_by_role("status").filter(has_text="Your request is with the course's authors and L&D.")).to_be_visible()
    expect(quiz).to_contain_text("You asked for more attempts on")
    expect(quiz.get_by_role("button", name="Ask for more attempts")).to_have_count(0)
    sign_out(page)

    # The author is told, follows the notice to the requests page and grants, with a note.
    sign_in(page, expert.email, PASSWORD)
    notice = open_notification(page, "Alice Test asks for more attempts at the quiz in “Lesson 1”")
    expect(notice).to_contain_text("I misread the question about HAVING.")
    notice.get_by_role("link").click()
    page.wait_for_url("**/learning/attempt-requests/")
    expect(page.get_by_role("heading", name="Requests for more quiz attempts", level=1)).to_be_visible()
    request = page.get_by_role("listitem").filter(has_text="Alice Test")
    expect(request).to_contain_text("SQL for analysts › Lesson 1")
    expect(request).to_contain_text("I misread the question about HAVING.")
    assert not serious_problems_as_seen_by(page, "/learning/attempt-requests/")  # audited there only empty
    request.get_by_label("Note to the learner (optional)").fill("Go ahead: WHERE runs before GROUP BY.")
    request.get_by_role("button", name="Grant more attempts").click()
    expect(page.get_by_role("status").filter(has_text="Alice Test can take the quiz again; they are told.")).to_be_visible()
    expect(page.get_by_text("No request is waiting for you.")).to_be_visible()
    sign_out(page)

    # The learner is told, with the note, and the notice leads back to the quiz, which they pass.
    sign_in(page, learner.email, PASSWORD)
    notice = open_notification(page, "You can take the quiz in “Lesson 1” again")
    expect(notice).to_contain_text("Go ahead: WHERE runs before GROUP BY.")
    notice.get_by_role("link").click()
    page.wait_for_url(back_at_the_quiz)
    expect(quiz).to_contain_text("1 attempt left")
    quiz.get_by_label("WHERE").check()
    quiz.get_by_role("button", name="Submit answers").click()
    page.wait_for_url(re.compile(r"\?attempt=2#quiz$"))
    expect(page.get_by_role("status").filter(has_text="Quiz passed with 100%.")).to_be_visible()
    expect(quiz).to_contain_text("You passed this quiz.")

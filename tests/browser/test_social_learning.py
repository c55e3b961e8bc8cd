"""Social learning in Chromium: a reaction undone in place, a lesson rated by keyboard, a mention
picked from the suggestions that reaches the person mentioned, and the kudos people picker.
Issue 20, what to build 2."""

import pytest

from courses import services
from guild.people.roles import Role
from tests.support.browser import sign_in
from tests.support.courses import enrol, lessons_of, make_course
from tests.support.people import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/accounts/login/")


def test_a_mention_picked_from_the_suggestions_notifies_the_person(page):
    expert = make_user(Role.EXPERT, email="sofia@example.com", first_name="Sofia", last_name="Lopez")
    learner = make_user(email="liam@example.com", first_name="Liam")
    course = make_course("Joins", lessons=1, quiz=False, authors=[expert])
    enrol(learner, course)
    thread, _post = services.start_thread(author=learner, course=course, title="Inner or left?", body="Which one?")
    sign_in(page, learner.email, PASSWORD)
    page.goto(f"/learning/discussions/{thread.pk}/")
    box = page.get_by_label("Message", exact=True)
    box.click()
    box.press_sequentially("Could @sof", delay=30)
    page.get_by_role("option", name="Sofia Lopez").wait_for()
    box.press("Enter")
    box.press_sequentially("explain?", delay=10)
    assert box.input_value() == "Could @Sofia Lopez explain?"
    page.get_by_role("button", name="Post", exact=True).click()
    page.wait_for_url(f"**/learning/discussions/{thread.pk}/#post-*")
    sign_out(page)

    sign_in(page, expert.email, PASSWORD)
    page.get_by_role("link", name="Notifications").click()
    notices = page.locator(".notifications")
    assert "Liam Test mentioned you in “Inner or left?”" in notices.inner_text()
    notices.get_by_role("link", name="Liam Test mentioned you in “Inner or left?”").click()
    page.get_by_text("Could @Sofia Lopez explain?").wait_for()


def test_the_kudos_picker_finds_a_colleague_by_name_with_the_keyboard(page):
    make_user(email="sam.ng@example.com", first_name="Sam", last_name="Ng", job_title="Analyst")
    sam_park = make_user(Role.EXPERT, email="sam.park@example.com", first_name="Sam", last_name="Park", job_title="Engineer")
    learner = make_user(email="liam@example.com", first_name="Liam")
    sign_in(page, learner.email, PASSWORD)
    page.goto("/kudos/new/")
    field = page.get_by_role("combobox", name="Colleague")
    field.press_sequentially("sam", delay=30)
    listbox = page.get_by_role("listbox")
    listbox.get_by_role("option").nth(1).wait_for()
    assert field.get_attribute("aria-expanded") == "true"
    field.press("ArrowDown")
    assert listbox.get_by_role("option", name="Sam Park · Engineer").get_attribute("aria-selected") == "true"
    field.press("Enter")
    assert field.input_value() == "Sam Park" and field.get_attribute("aria-expanded") == "false"
    page.get_by_label("Your message").fill("Thanks for the code review!")
    page.get_by_role("button", name="Send kudos").click()
    page.wait_for_url(f"**/rewards/people/{sam_park.pk}/")
    assert "Sam Park will see your kudos" in page.locator(".messages").inner_text()


def test_a_reaction_is_undone_in_place_and_a_lesson_is_rated_by_keyboard(page):
    learner = make_user(email="liam@example.com", first_name="Liam")
    course = make_course("Feedback basics", lessons=2, quiz=False)
    enrol(learner, course)
    lesson = lessons_of(course)[0]
    sign_in(page, learner.email, PASSWORD)
    page.goto(lesson.url)
    page.evaluate("window.stayedOnThePage = true")  # gone if the page reloads

    useful = page.get_by_role("button", name="Useful")
    useful.click()
    page.locator('.reaction[aria-pressed="true"]').wait_for()
    assert page.get_by_test_id("count-useful").inner_text() == "1"
    # Announced in the live region (a moment later, so screen readers notice the change).
    page.get_by_role("status").filter(has_text="Thanks for your feedback.").wait_for(state="attached")
    page.get_by_role("button", name="Useful").click()  # again: undo
    page.locator('.reaction[data-focus-key="reaction-useful"][aria-pressed="false"]').wait_for()
    assert page.get_by_test_id("count-useful").inner_text() == "0"
    assert page.evaluate("window.stayedOnThePage === true")
    assert page.evaluate("document.activeElement.dataset.focusKey") == "reaction-useful"  # focus kept

    # The stars are a radio group: Tab in, arrows to 4, then the button.
    page.get_by_role("radio", name="1 star", exact=True).focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    assert page.get_by_role("radio", name="4 stars").is_checked()
    page.get_by_role("button", name="Save my rating").click()
    page.wait_for_url("**#rating")
    assert "Average 4.0 out of 5, from 1 rating" in page.get_by_test_id("lesson-rating-average").inner_text()
    assert page.get_by_role("radio", name="4 stars").is_checked()

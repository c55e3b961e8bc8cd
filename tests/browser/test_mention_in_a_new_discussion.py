"""Starting a discussion in Chromium: "@" and a name in the first message suggests people, the
keyboard moves through them (arrows), closes the list (Escape) and picks one (Enter), and the
person picked gets their notice once the discussion is posted."""

import pytest

from guild.people.roles import Role
from tests.support.browser import sign_in, sign_out
from tests.support.courses import enrol, make_course
from tests.support.people import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_person_picked_by_keyboard_in_a_new_discussion_is_told(page):
    sofia = make_user(Role.EXPERT, email="sofia@example.com", first_name="Sofia", last_name="Lopez", job_title="Analyst")
    make_user(email="sofiane@example.com", first_name="Sofiane", last_name="Amrani", job_title="Engineer")
    learner = make_user(email="liam@example.com", first_name="Liam")
    course = make_course("Joins", lessons=1, quiz=False, authors=[sofia])
    enrol(learner, course)
    sign_in(page, learner.email, PASSWORD)
    page.goto(f"/learning/courses/{course.pk}/discussion/")
    page.get_by_label("Title").fill("Inner or left?")
    box = page.get_by_label("Message", exact=True)
    box.click()
    box.press_sequentially("Which join, @sof", delay=30)
    listbox = page.get_by_role("listbox", name="People to mention")
    listbox.get_by_role("option").nth(1).wait_for()
    first, second = listbox.get_by_role("option").all()
    assert first.inner_text().startswith("Sofia Lopez") and second.inner_text().startswith("Sofiane Amrani")
    assert first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")

    box.press("ArrowDown")  # to Sofiane, then back up to Sofia
    assert second.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == second.get_attribute("id")
    box.press("ArrowUp")
    assert first.get_attribute("aria-selected") == "true"

    box.press("Escape")  # closes the list and keeps the text
    listbox.wait_for(state="hidden")
    assert box.get_attribute("aria-activedescendant") is None
    assert box.input_value() == "Which join, @sof"

    box.press_sequentially("i", delay=30)  # typing again opens it again
    listbox.get_by_role("option", name="Sofia Lopez").wait_for()
    box.press("Enter")  # picks, does not submit or add a new line
    box.press_sequentially("can you explain?", delay=10)
    assert box.input_value() == "Which join, @Sofia Lopez can you explain?"
    page.get_by_role("button", name="Start discussion").click()
    page.wait_for_url("**/learning/discussions/*/")
    page.get_by_text("Which join, @Sofia Lopez can you explain?").wait_for()
    sign_out(page)

    sign_in(page, sofia.email, PASSWORD)
    page.get_by_role("link", name="Notifications").click()
    notices = page.locator(".notifications")
    notices.get_by_role("link", name="Liam Test mentioned you in “Inner or left?”").click()
    page.get_by_text("Which join, @Sofia Lopez can you explain?").wait_for()

import pytest

from guild.people.models import Team
from guild.people.roles import Role
from tests.support.browser import sign_in
from tests.support.people import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/accounts/login/")


def test_a_learner_thanks_an_expert_who_sees_it_with_the_points_and_their_manager_is_told(page):
    team = Team.add_root(name="Data", slug="data")
    manager = make_user(Role.MANAGER, email="marcus@example.com", first_name="Marcus", team=team)
    team.manager = manager
    team.save()
    expert = make_user(Role.EXPERT, email="sofia@example.com", first_name="Sofia", team=team)
    learner = make_user(email="liam@example.com", first_name="Liam")

    # The learner finds the expert's profile and thanks her.
    sign_in(page, learner.email, PASSWORD)
    page.goto(f"/rewards/people/{expert.pk}/")
    page.get_by_role("link", name="Give kudos to Sofia").click()
    assert page.get_by_role("combobox", name="Colleague").input_value() == "Sofia Test"
    page.get_by_label("Your message").fill("Your SQL course saved my quarter-end report. Thank you!")
    page.get_by_role("button", name="Send kudos").click()
    page.wait_for_url(f"**/rewards/people/{expert.pk}/")
    assert "Sofia Test will see your kudos" in page.locator(".messages").inner_text()
    sign_out(page)

    # The expert sees the kudos and the points on her profile.
    sign_in(page, expert.email, PASSWORD)
    page.get_by_role("button", name="Learn").click()  # the header's Learn menu
    page.get_by_role("link", name="My rewards").first.click()
    page.get_by_role("link", name="My public profile").click()
    assert "Your SQL course saved my quarter-end report" in page.get_by_test_id("kudos").inner_text()
    assert page.get_by_test_id("points-total").inner_text() == "5"
    sign_out(page)

    # Her manager has a notification about it.
    sign_in(page, manager.email, PASSWORD)
    page.get_by_role("link", name="Notifications").click()
    assert "Liam Test gave kudos to Sofia Test" in page.locator(".notifications").inner_text()

import pytest

from guild.people.roles import Role
from tests.support.browser import sign_in
from tests.support.people import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLES = [Role.LEARNER, Role.EXPERT, Role.REVIEWER, Role.MANAGER, Role.LD_ADMIN, Role.EXECUTIVE]


def test_each_role_signs_in_through_the_form_and_sees_its_home(page):
    for role in ROLES:
        person = make_user(role, email=f"{role.name.lower()}@example.com", first_name=role.name.title())
        sign_in(page, person.email, PASSWORD)
        assert page.get_by_role("heading", level=1).inner_text().startswith("Welcome")
        assert role.value in page.get_by_test_id("roles").inner_text()
        page.get_by_role("button", name="Sign out").click()
        page.wait_for_url("**/accounts/login/")


def test_a_wrong_password_shows_the_error_in_the_form(page):
    person = make_user(email="typo@example.com")
    sign_in(page, person.email, "not-the-password")
    assert "not correct" in page.locator("form", has=page.locator("input[type=password]")).inner_text()
    assert page.url.endswith("/accounts/login/")


def test_the_menus_open_on_a_desktop_by_mouse_and_keyboard(page):
    person = make_user(Role.EXPERT, email="desk@example.com")
    sign_in(page, person.email, PASSWORD)
    assert not page.get_by_role("button", name="Menu").is_visible()
    courses = page.locator(".site-nav").get_by_role("link", name="Courses", exact=True)
    cms = page.locator(".site-nav").get_by_role("link", name="Authoring (CMS)", exact=True)
    assert not courses.is_visible() and not cms.is_visible()
    page.get_by_role("button", name="Learn").click()
    assert courses.is_visible()
    contribute = page.get_by_role("button", name="Contribute")
    contribute.focus()
    page.keyboard.press("Enter")
    assert cms.is_visible() and not courses.is_visible()  # one menu open at a time
    page.keyboard.press("Escape")
    assert not cms.is_visible() and contribute.get_attribute("aria-expanded") == "false"
    assert not page.get_by_role("button", name="Manage").count()  # no manager or L&D role


def test_the_menu_works_on_a_phone_by_keyboard(page):
    person = make_user(Role.EXPERT, email="phone@example.com")
    page.set_viewport_size({"width": 390, "height": 800})
    sign_in(page, person.email, PASSWORD)
    nav_link = page.get_by_role("link", name="Authoring (CMS)")
    assert not nav_link.is_visible()
    toggle = page.get_by_role("button", name="Menu")
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.get_by_role("button", name="Contribute").click()
    assert nav_link.is_visible()
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    assert not nav_link.is_visible() and toggle.get_attribute("aria-expanded") == "false"

"""What a person sees on a phone and a desktop: styled inputs, a clean menu, tables that scroll,
and icons that need no emoji font. Issue 20, found 7 and 10."""

import pytest

from tests.support.browser import sign_in
from tests.support.courses import enrol, make_course
from tests.support.people import PASSWORD, make_user

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, is_mobile=True, has_touch=True)
    context.set_default_timeout(15_000)
    pg = context.new_page()
    yield pg
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_input_without_a_type_looks_like_the_others(page):
    page.goto("/certificates/verify/")
    code = page.locator("#id_code")
    style = code.evaluate("e => [getComputedStyle(e).fontSize, e.getBoundingClientRect().height]")
    body = page.evaluate("getComputedStyle(document.body).fontSize")
    assert style[0] == body and style[1] >= 40  # the page's text size, and a comfortable target
    page.set_content('<link rel="stylesheet" href="/static/guild/css/guild.css"><input id="plain">')
    assert page.locator("#plain").evaluate("e => getComputedStyle(e).paddingLeft") != "1px"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_phone_menu_shows_no_stray_group_headings(phone, learner):
    sign_in(phone, learner.email, PASSWORD)
    phone.get_by_role("button", name="Menu").click()
    headings = phone.locator(".nav-menu__heading")
    assert headings.count() > 0
    assert all(not headings.nth(i).is_visible() for i in range(headings.count()))
    learn = phone.get_by_role("button", name="Learn")
    assert learn.is_visible()
    learn.click()
    assert phone.locator("#site-nav").get_by_role("link", name="My learning", exact=True).is_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_team_table_scrolls_inside_itself_on_a_phone(phone, manager, team):
    course = make_course("Working safely", lessons=1, quiz=False)
    from tests.support.automation import due_in

    for n in range(3):
        due_in(make_user(team=team, first_name=f"Colleague-with-a-long-name-{n}"), course, -3)
    sign_in(phone, manager.email, PASSWORD)
    phone.goto("/team/")
    page_width = phone.evaluate("document.documentElement.scrollWidth")
    assert page_width <= PHONE["width"]  # the page itself never scrolls sideways
    wrap = phone.locator(".table-wrap").first
    overflow = wrap.evaluate("e => [e.scrollWidth, e.clientWidth, getComputedStyle(e).overflowX]")
    assert overflow[2] == "auto"
    overdue = phone.get_by_role("columnheader", name="Overdue")
    overdue.scroll_into_view_if_needed()
    assert overdue.is_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_reactions_are_drawn_with_guilds_icons_not_emoji(page, learner):
    course = make_course("SQL", lessons=1, quiz=False)
    enrol(learner, course)
    sign_in(page, learner.email, PASSWORD)
    from tests.support.courses import lessons_of

    page.goto(lessons_of(course)[0].url)
    useful = page.get_by_role("button", name="Useful")
    assert useful.locator("svg.icon").count() == 1
    assert useful.locator("svg.icon").evaluate("e => e.getBoundingClientRect().width") > 8
    text = page.locator("main").inner_text()
    assert not any(ch in text for ch in "👍💡⚠✓✗")

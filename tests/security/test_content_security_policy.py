"""Guild's own pages send a Content-Security-Policy that allows no inline script; Wagtail's admin
(which runs inline scripts of its own) gets the relaxed one."""

import pytest

from guild.people.roles import Role
from tests.support.browser import sign_in
from tests.support.courses import enrol, make_course
from tests.support.people import PASSWORD, make_user


def script_sources(policy):
    directive = next(d.strip() for d in policy.split(";") if d.strip().startswith("script-src"))
    return directive.split()[1:]


@pytest.mark.django_db
def test_guilds_pages_allow_scripts_from_guild_only(client, learner):
    assert script_sources(client.get("/accounts/login/")["Content-Security-Policy"]) == ["'self'"]
    client.force_login(learner)
    for url in ("/", "/courses/", "/learning/", "/rewards/"):
        policy = client.get(url)["Content-Security-Policy"]
        assert script_sources(policy) == ["'self'"], url
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy


@pytest.mark.django_db
def test_the_wagtail_admin_gets_the_relaxed_policy(client, expert):
    client.force_login(expert)
    policy = client.get("/cms/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in script_sources(policy) and "frame-ancestors 'self'" in policy


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_learner_pages_run_under_the_policy_without_a_violation(page, live_server):
    person = make_user(Role.LEARNER, email="csp@example.com")
    course = make_course("Data privacy", lessons=1)
    enrol(person, course)
    violations = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    sign_in(page, person.email, PASSWORD)
    for url in ("/", "/courses/", "/learning/", course.url, course.get_children().first().url):
        page.goto(live_server.url + url)
    page.locator(".nav-menu__toggle", has_text="Learn").click()  # the header menus (Guild's script) still work
    assert page.locator(".site-nav").get_by_role("link", name="Courses", exact=True).is_visible()
    assert violations == []

"""Single sign-on through a real OpenID Connect provider (oidc-provider on Node.js), in Chromium."""

import pytest
from allauth.socialaccount.models import SocialAccount

from guild.people.models import User
from guild.people.roles import Role
from tests.sso.conftest import make_oidc_app
from tests.support.people import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in_with_oidc(page, login, app_name="Acme (OpenID Connect)"):
    page.goto("/accounts/login/")
    page.get_by_role("link", name=app_name).click()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state("networkidle")
    if page.locator("input[name=login]").count():  # the provider asks who this is (once per provider session)
        page.locator("input[name=login]").fill(login)
        page.locator("input[name=password]").fill("any password: the test IdP's own form")
        page.get_by_role("button", name="Sign-in").click()
        page.wait_for_load_state("networkidle")



def test_first_sign_in_creates_the_person_with_mapped_team_and_roles_and_later_ones_update_them(
    page, oidc_idp, acme, settings
):
    settings.GUILD_SSO_REQUIRED_DOMAINS = ["acme.test"]  # SSO-only: the password rule leaves SSO alone
    make_oidc_app(oidc_idp)
    sign_in_with_oidc(page, "ada@acme.test")

    assert page.get_by_role("heading", level=1).inner_text().startswith("Welcome")
    assert "Expert" in page.get_by_test_id("roles").inner_text()
    ada = User.objects.get(email="ada@acme.test")
    assert (ada.first_name, ada.last_name) == ("Ada", "Lovelace")
    assert ada.team == acme["team"] and ada.job_role.name == "Engineer" and ada.manager == acme["grace"]
    assert ada.role_names == {"Learner", "Expert"}
    assert ada.emailaddress_set.get().verified
    assert SocialAccount.objects.get(user=ada).provider == "acme-oidc"

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/accounts/login/")

    # An L&D admin moves Ada and grants a role by hand; the provider's claims win back the team,
    # the role the provider manages comes back, the hand-granted one stays.
    ada.groups.remove(*ada.groups.filter(name="Expert"))
    ada.team = None
    ada.save()
    from guild.people.services import grant_role

    grant_role(user=ada, role=Role.REVIEWER)
    sign_in_with_oidc(page, "ada@acme.test")
    ada = User.objects.get(pk=ada.pk)
    assert ada.team == acme["team"]
    assert ada.role_names == {"Learner", "Expert", "Reviewer"}
    assert User.objects.filter(email="ada@acme.test").count() == 1


def test_an_address_outside_the_allowed_domains_and_a_disabled_person_are_refused_and_nothing_is_created(
    page, oidc_idp, acme
):
    make_oidc_app(oidc_idp)
    sign_in_with_oidc(page, "eve@elsewhere.test")
    assert page.get_by_role("heading", level=1).inner_text() == "Sign-in refused"
    assert "eve@elsewhere.test is not an address this organisation signs in with (acme.test)" in page.content()
    assert not User.objects.filter(email="eve@elsewhere.test").exists()

    page.context.clear_cookies()  # a new browser session, at the provider too
    dora = make_user(email="dora@acme.test", is_active=False)
    sign_in_with_oidc(page, "dora@acme.test")
    assert "The account dora@acme.test is disabled" in page.locator(".sso-refusal").inner_text()
    dora.refresh_from_db()
    assert not dora.is_active and not SocialAccount.objects.exists()
    page.goto("/")
    assert "/accounts/login/" in page.url  # not signed in

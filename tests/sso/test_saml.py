"""Single sign-on through a real SAML 2.0 IdP (pysaml2, its own process), in Chromium: SP- and
IdP-initiated sign-in, single logout, and the answers Guild must refuse."""

import urllib.request

import pytest
from allauth.socialaccount.models import SocialAccount

from guild.people.models import User
from tests.sso.conftest import SAML_SLUG, make_saml_app

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def idp_sign_in(page, login):
    page.locator("input[name=login]").fill(login)
    page.get_by_role("button", name="Sign in to IdP").click()
    page.wait_for_load_state("networkidle")


def sign_in_with_saml(page, login):
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Acme (SAML)").click()
    page.get_by_role("button", name="Continue").click()
    idp_sign_in(page, login)


def test_sp_initiated_sign_in_creates_the_person_and_single_logout_signs_out(page, saml_idp, live_server, acme):
    make_saml_app(saml_idp, live_server)
    sign_in_with_saml(page, "ada@acme.test")

    assert page.get_by_role("heading", level=1).inner_text().startswith("Welcome")
    assert "Expert" in page.get_by_test_id("roles").inner_text()
    ada = User.objects.get(email="ada@acme.test")
    assert (ada.first_name, ada.last_name) == ("Ada", "Lovelace")
    assert ada.team == acme["team"] and ada.job_role.name == "Engineer" and ada.manager == acme["grace"]
    assert ada.role_names == {"Learner", "Expert"}
    assert SocialAccount.objects.get(user=ada).provider == SAML_SLUG

    visited = []
    page.on("request", lambda r: visited.append(r.url))
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/accounts/login/")
    assert any(url.startswith(f"{saml_idp.base}/slo/redirect?SAMLRequest=") for url in visited)  # the IdP's logout
    assert any(f"/accounts/saml/{SAML_SLUG}/sls/?SAMLResponse=" in url for url in visited)  # and back
    page.goto("/")
    assert "/accounts/login/" in page.url


def test_idp_initiated_sign_in_lands_signed_in_when_the_admin_allows_it(page, saml_idp, live_server, acme):
    make_saml_app(saml_idp, live_server, idp_initiated=True)
    page.goto(f"{saml_idp.base}/idp-initiated?sp={live_server.url}/accounts/saml/{SAML_SLUG}/metadata/")
    idp_sign_in(page, "ada@acme.test")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Welcome")
    assert User.objects.get(email="ada@acme.test").team == acme["team"]


def test_bad_answers_are_refused_with_a_clear_page_and_nothing_created(page, saml_idp, live_server, acme):
    make_saml_app(saml_idp, live_server)
    for mode, message in [
        ("unsigned", "was not signed by its identity provider"),
        ("expired", "has expired"),
        ("wrong_audience", "meant for another service (wrong audience)"),
    ]:
        saml_idp.control(mode=mode)
        sign_in_with_saml(page, "ada@acme.test")
        assert page.get_by_role("heading", level=1).inner_text() == "Sign-in refused", mode
        assert message in page.locator(".sso-refusal").inner_text(), mode

    # IdP-initiated sign-in is off until the admin allows it.
    saml_idp.control(mode="normal")
    page.goto(f"{saml_idp.base}/idp-initiated?sp={live_server.url}/accounts/saml/{SAML_SLUG}/metadata/")
    idp_sign_in(page, "ada@acme.test")
    assert page.get_by_role("heading", level=1).inner_text() == "Sign-in refused"
    assert not User.objects.filter(email="ada@acme.test").exists() and not SocialAccount.objects.exists()


def test_a_replayed_assertion_is_refused(page, saml_idp, live_server, acme):
    make_saml_app(saml_idp, live_server)
    posted = []
    page.on("request", lambda r: posted.append(r.post_data) if r.method == "POST" and "/acs/" in r.url else None)
    sign_in_with_saml(page, "ada@acme.test")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Welcome")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/accounts/login/")
    User.objects.filter(email="ada@acme.test").update(first_name="Changed")

    # An attacker who captured the posted answer sends it again.
    request = urllib.request.Request(
        f"{live_server.url}/accounts/saml/{SAML_SLUG}/acs/", data=posted[0].encode(), method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 400
    assert "already been used once" in refused.value.read().decode()
    assert User.objects.get(email="ada@acme.test").first_name == "Changed"  # no sign-in, no update


def test_single_logout_started_at_the_identity_provider_signs_the_person_out_of_guild(
    page, saml_idp, live_server, acme
):
    make_saml_app(saml_idp, live_server)
    sign_in_with_saml(page, "ada@acme.test")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Welcome")

    # The person signs out at their company portal: the IdP sends its LogoutRequest through the browser.
    sp = f"{live_server.url}/accounts/saml/{SAML_SLUG}/metadata/"
    page.goto(f"{saml_idp.base}/idp-logout?sp={sp}&login=ada@acme.test")
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", level=1).inner_text() == "Signed out"
    assert "LogoutResponse: Success" in page.content()  # Guild answered the IdP
    page.goto("/")
    assert "/accounts/login/" in page.url

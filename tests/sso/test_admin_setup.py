"""An L&D admin connects identity providers from the admin, without editing settings, then people
sign in through them."""

import pytest
from allauth.socialaccount.models import SocialApp

from guild.people.models import User
from guild.people.roles import Role
from tests.sso.conftest import ADMIN_OIDC_SLUG
from tests.sso.test_oidc import sign_in_with_oidc
from tests.support.browser import sign_in
from tests.support.people import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_ld_admin_adds_an_oidc_and_a_saml_provider_and_a_person_signs_in_through_each(
    page, oidc_idp, saml_idp, live_server, acme
):
    admin = make_user(Role.LD_ADMIN, email="lnd@acme.test")
    sign_in(page, admin.email, PASSWORD)
    page.goto("/cms/")
    page.get_by_role("button", name="Settings").click()
    page.get_by_role("link", name="Single sign-on").click()
    page.get_by_role("link", name="Add").first.click()
    page.locator("#id_provider").select_option("openid_connect")
    page.locator("#id_name").fill("Okta")
    page.locator("#id_slug").fill(ADMIN_OIDC_SLUG)
    page.locator("#id_server_url").fill(oidc_idp.issuer)
    page.locator("#id_client_id").fill(oidc_idp.client_id)
    page.locator("#id_secret").fill(oidc_idp.client_secret)
    page.locator("#id_team_claim").fill("department")
    page.locator("#id_roles_claim").fill("groups")
    page.locator("#id_role_values").fill("guild-experts = Expert")
    page.locator("#id_email_domains").fill("acme.test")
    page.get_by_role("button", name="Create").click()
    page.wait_for_load_state("networkidle")
    app = SocialApp.objects.get(provider_id=ADMIN_OIDC_SLUG)
    assert app.settings["guild"]["role_values"] == {"guild-experts": "Expert"}

    page.goto("/cms/identity-providers/new/")
    page.locator("#id_provider").select_option("saml")
    page.locator("#id_name").fill("Acme Entra")
    page.locator("#id_slug").fill("admin-saml")
    page.locator("#id_idp_entity_id").fill(saml_idp.entity_id)
    page.locator("#id_idp_sso_url").fill(f"{saml_idp.base}/sso/redirect")
    page.locator("#id_idp_x509cert").fill(saml_idp.cert)
    page.locator("#id_email_attribute").fill("urn:oid:1.2.840.113549.1.9.1.1")
    page.locator("#id_first_name_attribute").fill("urn:oid:2.5.4.42")
    page.locator("#id_job_role_claim").fill("job_title")
    page.get_by_role("button", name="Create").click()
    page.wait_for_load_state("networkidle")
    saml = SocialApp.objects.get(provider_id="admin-saml")
    assert saml.client_id == "admin-saml" and saml.settings["advanced"]["want_assertion_signed"] is True
    saml_idp.control(mode="normal", sp_metadata_url=f"{live_server.url}/accounts/saml/admin-saml/metadata/")
    page.context.clear_cookies()  # a fresh browser session: the person, not the admin

    sign_in_with_oidc(page, "ada@acme.test", app_name="Okta")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Welcome")
    ada = User.objects.get(email="ada@acme.test")
    assert ada.team == acme["team"] and ada.role_names == {"Learner", "Expert"} and ada.job_role is None

    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Acme Entra").click()
    page.get_by_role("button", name="Continue").click()
    page.locator("input[name=login]").fill("ada@acme.test")
    page.get_by_role("button", name="Sign in to IdP").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Welcome")
    ada = User.objects.get(email="ada@acme.test")  # the same person, now linked to both providers
    assert ada.job_role.name == "Engineer"
    assert set(ada.socialaccount_set.values_list("provider", flat=True)) == {ADMIN_OIDC_SLUG, "admin-saml"}

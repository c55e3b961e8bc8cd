"""SSO rules that need no identity provider process: SSO-only domains and the break-glass admin, the
identity providers' admin form, the SP metadata, unknown providers."""

import pytest
from allauth.socialaccount.models import SocialApp

from guild.people.roles import Role
from tests.support.people import PASSWORD, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _sso_required(settings):
    settings.GUILD_SSO_REQUIRED_DOMAINS = ["acme.test"]
    settings.GUILD_SSO_BREAK_GLASS_EMAILS = ["breakglass@acme.test"]


def sign_in(client, email, password=PASSWORD):
    return client.post("/accounts/login/", {"login": email, "password": password})


def test_password_sign_in_is_refused_for_a_domain_that_must_use_sso(client):
    make_user(email="ada@acme.test")
    response = sign_in(client, "ada@acme.test")
    assert response.status_code == 200
    assert "acme.test addresses sign in with your organisation" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_refusal_does_not_depend_on_the_letter_case(client):
    make_user(email="ada@acme.test")
    assert "sign in with your organisation" in sign_in(client, "Ada@ACME.test").content.decode()
    assert "_auth_user_id" not in client.session


def test_the_break_glass_admin_still_signs_in_with_a_password(client):
    make_user(Role.LD_ADMIN, email="breakglass@acme.test")
    response = sign_in(client, "breakglass@acme.test")
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_other_domains_keep_password_sign_in(client):
    make_user(email="contractor@partner.test")
    assert sign_in(client, "contractor@partner.test").status_code == 302


def test_sign_up_with_such_an_address_is_refused_too(client, settings):
    settings.GUILD_SIGNUP_OPEN = True
    response = client.post(
        "/accounts/signup/", {"email": "new@acme.test", "password1": "a-long-pass-phrase-9", "password2": "a-long-pass-phrase-9"}
    )
    assert "sign in with your organisation" in response.content.decode()
    from guild.people.models import User

    assert not User.objects.filter(email="new@acme.test").exists()


@pytest.mark.parametrize(
    "url",
    ["/accounts/saml/nobody/metadata/", "/accounts/saml/nobody/login/", "/accounts/saml/nobody/sls/",
     "/accounts/oidc/nobody/login/", "/accounts/oidc/nobody/login/callback/"],
)
def test_an_identity_provider_that_does_not_exist_is_not_found(client, url):
    assert client.get(url).status_code == 404


def test_a_mapping_line_naming_no_guild_role_is_refused_with_the_roles_listed(client, acme):
    admin = make_user(Role.LD_ADMIN, email="lnd@acme.test")
    client.force_login(admin)
    response = client.post("/cms/identity-providers/new/", {
        "provider": "saml", "name": "Entra", "slug": "entra", "idp_entity_id": "https://sts.windows.net/x/",
        "idp_sso_url": "https://login.microsoftonline.com/x/saml2", "idp_x509cert": "MIIC...",
        "role_values": "admins = Superuser",
    })
    assert response.status_code == 200
    assert "Line 1: write “group value = role”, the role one of: Learner, Expert" in response.content.decode()
    assert not SocialApp.objects.exists()


def test_learners_cannot_open_the_identity_providers(client, acme):
    client.force_login(make_user(Role.LEARNER, email="l@acme.test"))
    assert client.get("/cms/identity-providers/").status_code in (302, 403, 404)


def test_the_metadata_is_at_allauths_stable_url_and_asks_for_signed_assertions(client, settings):
    settings.ALLOWED_HOSTS = ["guild.example.com"]
    # Settings that forget to ask for signed assertions: Guild asks anyway.
    SocialApp.objects.create(provider="saml", provider_id="acme", client_id="acme", name="Acme", settings={
        "idp": {"entity_id": "https://idp.example.com/", "sso_url": "https://idp.example.com/sso", "x509cert": "MIIB"},
        "advanced": {"want_assertion_signed": False},
    })
    response = client.get("/accounts/saml/acme/metadata/", HTTP_HOST="guild.example.com")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'WantAssertionsSigned="true"' in body
    assert 'entityID="http://guild.example.com/accounts/saml/acme/metadata/"' in body
    assert "http://guild.example.com/accounts/saml/acme/acs/" in body and "/accounts/saml/acme/sls/" in body

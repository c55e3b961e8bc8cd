"""An L&D admin revokes an integration's token in the Wagtail admin (Settings › API tokens): from the
next request on, the token gets 401 and nothing else of its person's changes. People who do not
manage tokens cannot revoke one, whatever they post."""

import pytest
from wagtail.models import APIToken

from guild.people.roles import Role
from guild.people.tokens import create_token
from tests.support.api import bearer
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def hr_system(db):
    """The HR system's service account, with its sync token and a reporting token."""
    account = make_user(Role.LD_ADMIN, email="hr-sync@example.com")
    sync, sync_key = create_token(user=account, name="HR system", scopes="read,write,admin")
    report_key = create_token(user=account, name="HR reports", scopes="read")[1]
    return sync, sync_key, report_key


def test_an_ld_admin_revokes_a_token_and_the_api_refuses_it_from_then_on(client, ld_admin, hr_system):
    sync, sync_key, report_key = hr_system
    assert client.get("/api/people/", **bearer(sync_key)).status_code == 200

    client.force_login(ld_admin)
    confirm = client.get(f"/cms/api-tokens/delete/{sync.pk}/")
    assert confirm.status_code == 200 and "Are you sure you want to revoke this API token?" in confirm.content.decode()
    revoked = client.post(f"/cms/api-tokens/delete/{sync.pk}/", follow=True)
    assert revoked.redirect_chain[0] == ("/cms/api-tokens/", 302)
    assert "API token &#x27;HR system&#x27; revoked." in revoked.content.decode()
    client.logout()

    refused = client.get("/api/people/", **bearer(sync_key))
    assert refused.status_code == 401 and refused["Content-Type"] == "application/problem+json"
    assert refused.json()["detail"] == "This token is not valid, or it was revoked."
    written = client.post("/api/people/", {"email": "new@example.com", "employee_id": "E-5"},
                          content_type="application/json", **bearer(sync_key))
    assert written.status_code == 401
    assert APIToken.objects.get(pk=sync.pk).revoked_at is not None  # kept for the audit trail
    assert client.get("/api/enrolments/", **bearer(report_key)).status_code == 200  # the person's other token


@pytest.mark.parametrize("role", [Role.LEARNER, Role.EXPERT, Role.MANAGER])
def test_someone_who_does_not_manage_tokens_cannot_revoke_one(client, hr_system, role):
    sync, sync_key, _report_key = hr_system
    client.force_login(make_user(role, email="not.admin@example.com"))
    answer = client.post(f"/cms/api-tokens/delete/{sync.pk}/")
    assert answer.status_code in (302, 403, 404)
    assert answer.get("Location") != "/cms/api-tokens/"  # not the revocation's redirect
    client.logout()
    assert APIToken.objects.get(pk=sync.pk).revoked_at is None
    assert client.get("/api/people/", **bearer(sync_key)).status_code == 200

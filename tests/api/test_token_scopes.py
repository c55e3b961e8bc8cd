"""The four token scopes: read, write, admin and scim. An L&D admin's token uses its person's L&D
admin powers only with the "admin" scope; an L&D admin makes scoped tokens (a SCIM one for the
identity provider) in the Wagtail admin as well as with `manage.py api_token`."""

import importlib
import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import APIToken

from guild.people.roles import Role
from guild.people.tokens import create_token
from tests.support.courses import enrol, make_course
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def bearer(plaintext):
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def test_an_ld_admins_token_without_the_admin_scope_acts_as_a_plain_person(client, ld_admin, learner):
    course = make_course("Data protection", lessons=1, quiz=False)
    enrol(learner, course)
    enrol(ld_admin, course)
    plain = create_token(user=ld_admin, name="my own records", scopes="read,write")[1]
    people = client.get("/api/people/", **bearer(plain))
    assert people.status_code == 403
    assert people.json()["detail"] == "This token lacks the “admin” scope, which L&D admins' endpoints need."
    assert [e["learner"] for e in client.get("/api/enrolments/", **bearer(plain)).json()["results"]] == [ld_admin.email]
    refused = client.post("/api/enrolments/", {"person": learner.email, "course": course.pk},
                          content_type="application/json", **bearer(plain))
    assert refused.status_code == 403

    admin = create_token(user=ld_admin, name="HR system", scopes="read,admin")[1]
    assert client.get("/api/people/", **bearer(admin)).status_code == 200
    seen = {e["learner"] for e in client.get("/api/enrolments/", **bearer(admin)).json()["results"]}
    assert seen == {ld_admin.email, learner.email}


def test_the_admin_scope_implies_read_and_is_refused_to_someone_who_is_not_an_ld_admin(learner):
    with pytest.raises(CommandError, match="is not an L&D admin: the “admin” scope would give their token nothing"):
        call_command("api_token", "create", "--email", learner.email, "--scopes", "admin", stdout=io.StringIO(),
                     stderr=io.StringIO())
    assert not APIToken.objects.exists()
    admin = make_user(Role.LD_ADMIN, email="lnd@example.com")
    out = io.StringIO()
    call_command("api_token", "create", "--email", admin.email, "--scopes", "admin", "--name", "BI", stdout=out,
                 stderr=io.StringIO())
    assert APIToken.objects.get().guild_scopes.scopes == "admin,read"


def test_an_ld_admin_creates_a_scim_token_in_the_admin_and_the_identity_provider_uses_it(client, ld_admin):
    client.force_login(ld_admin)
    form = client.get("/cms/api-tokens/new/")
    assert form.status_code == 200 and 'value="scim"' in form.content.decode()
    created = client.post("/cms/api-tokens/new/", {"name": "Entra provisioning", "user": ld_admin.pk,
                                                   "scopes": ["scim"]})
    assert created.status_code == 200
    plaintext = re.search(r'id="api-token-value"\s+value="([^"]+)"', created.content.decode()).group(1)
    token = APIToken.objects.get(name="Entra provisioning")
    assert token.guild_scopes.scopes == "scim"
    client.logout()
    users = client.get("/scim/v2/Users", **bearer(plaintext))
    assert users.status_code == 200 and users.json()["totalResults"] >= 1
    assert client.get("/api/courses/", **bearer(plaintext)).status_code == 403  # SCIM only

    client.force_login(ld_admin)
    listed = client.get("/cms/api-tokens/").content.decode()
    assert "Entra provisioning" in listed and "scim" in listed and plaintext not in listed


def test_the_admin_form_refuses_a_token_without_scopes_or_an_admin_scope_for_a_learner(client, ld_admin, learner):
    client.force_login(ld_admin)
    no_scope = client.post("/cms/api-tokens/new/", {"name": "nothing", "user": ld_admin.pk})
    assert no_scope.status_code == 200 and "This field is required." in no_scope.content.decode()
    for_learner = client.post("/cms/api-tokens/new/", {"name": "theirs", "user": learner.pk, "scopes": ["admin"]})
    assert "is not an L&amp;D admin" in for_learner.content.decode()
    assert not APIToken.objects.exists()


def test_learners_cannot_open_the_api_tokens(client, learner):
    client.force_login(learner)
    assert client.get("/cms/api-tokens/").status_code in (302, 403)
    assert client.post("/cms/api-tokens/new/", {"name": "x", "user": learner.pk, "scopes": ["read"]}).status_code in (302, 403)
    assert not APIToken.objects.exists()


def test_the_upgrade_gives_ld_admins_live_tokens_the_admin_scope_and_no_one_elses(ld_admin, learner):
    from django.apps import apps

    upgrade = importlib.import_module("guild.people.migrations.0006_admin_scope_for_ld_admin_tokens")
    hr_sync = create_token(user=ld_admin, name="HR sync", scopes="read,write")[0]
    theirs = create_token(user=learner, name="their script", scopes="read")[0]
    upgrade.add_admin_scope(apps, None)
    hr_sync.guild_scopes.refresh_from_db()
    theirs.guild_scopes.refresh_from_db()
    assert (hr_sync.guild_scopes.scopes, theirs.guild_scopes.scopes) == ("admin,read,write", "read")


def test_each_token_is_throttled_on_its_own_with_a_retry_after(client, ld_admin, monkeypatch):
    from rest_framework.throttling import UserRateThrottle

    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "2/min", "anon": "2/min"})
    busy = create_token(user=ld_admin, name="busy script", scopes="read")[1]
    calm = create_token(user=ld_admin, name="calm script", scopes="read")[1]
    answers = [client.get("/api/courses/", **bearer(busy)) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert answers[-1]["Content-Type"] == "application/problem+json" and int(answers[-1]["Retry-After"]) > 0
    assert client.get("/api/courses/", **bearer(calm)).status_code == 200  # another token's budget is its own


def test_a_superusers_token_needs_the_admin_scope_too(client):
    root = make_user(email="root@example.com", is_superuser=True)
    assert client.get("/api/people/", **bearer(create_token(user=root, name="plain", scopes="read")[1])).status_code == 403
    assert client.get("/api/people/", **bearer(create_token(user=root, name="admin", scopes="admin")[1])).status_code == 200
    assert root.has_role()  # outside a token's request a superuser still holds every role, as before

"""Machines reach /api/ with scoped tokens (Wagtail's APIToken: hashed at rest, shown once, revocable,
last-used time); never with HTTP Basic, and never as a deactivated or unverified account."""

import base64
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import APIToken

from guild.people.roles import Role
from guild.people.tokens import create_token, revoke_tokens
from tests.support.people import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def bearer(plaintext):
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def test_a_token_reads_the_api_as_its_person_and_only_its_digest_is_stored(client, ld_admin):
    token, plaintext = create_token(user=ld_admin, name="BI tool", scopes="read")
    response = client.get("/api/enrolments/", **bearer(plaintext))
    assert response.status_code == 200
    stored = APIToken.objects.get(pk=token.pk)
    assert plaintext not in (stored.key_hash, stored.prefix) and stored.key_hash != plaintext
    assert stored.last_used_at is not None


def test_a_read_token_cannot_write_and_a_write_token_can(client, ld_admin):
    _token, read_only = create_token(user=ld_admin, name="reader", scopes="read")
    _token, writer = create_token(user=ld_admin, name="HR sync", scopes="write,admin")
    person = {"email": "new.hire@example.com", "first_name": "New", "last_name": "Hire", "employee_id": "E-1"}
    assert client.post("/api/people/", person, content_type="application/json", **bearer(read_only)).status_code == 403
    assert client.post("/api/people/", person, content_type="application/json", **bearer(writer)).status_code == 201


def test_a_revoked_token_a_wrong_one_and_a_deactivated_persons_are_refused(client, ld_admin):
    token, plaintext = create_token(user=ld_admin, name="old", scopes="read")
    assert client.get("/api/enrolments/", **bearer(plaintext + "x")).status_code == 401
    revoke_tokens(user=ld_admin, name="old")
    assert client.get("/api/enrolments/", **bearer(plaintext)).status_code == 401
    _token, other = create_token(user=ld_admin, name="new", scopes="read")
    ld_admin.is_active = False
    ld_admin.save()
    assert client.get("/api/enrolments/", **bearer(other)).status_code == 401


def test_an_unverified_account_gets_no_api_access(client):
    person = make_user(Role.LEARNER, email="unverified@example.com", verified=False)
    _token, plaintext = create_token(user=person, name="mine", scopes="read")
    assert client.get("/api/courses/", **bearer(plaintext)).status_code == 401


def test_http_basic_is_refused_so_it_cannot_guess_passwords_beside_the_lock_out(client, learner):
    basic = base64.b64encode(f"{learner.email}:{PASSWORD}".encode()).decode()
    response = client.get("/api/courses/", HTTP_AUTHORIZATION=f"Basic {basic}")
    assert response.status_code in (401, 403)
    assert response.status_code != 200


def test_the_command_prints_the_token_once_on_its_last_line_and_revokes_it(client, ld_admin):
    out, err = io.StringIO(), io.StringIO()
    call_command("api_token", "create", "--email", ld_admin.email, "--scopes", "read,write", "--name", "HR",
                 stdout=out, stderr=err)
    plaintext = out.getvalue().strip().splitlines()[-1]
    assert client.get("/api/enrolments/", **bearer(plaintext)).status_code == 200
    call_command("api_token", "revoke", "HR", "--email", ld_admin.email, stdout=io.StringIO())
    assert client.get("/api/enrolments/", **bearer(plaintext)).status_code == 401
    with pytest.raises(CommandError, match="Scopes must be among"):
        call_command("api_token", "create", "--email", ld_admin.email, "--scopes", "root", stdout=io.StringIO())

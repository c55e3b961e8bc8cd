import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from guild.notifications.delivery import deliver_outbox
from guild.notifications.models import OutboxMessage
from guild.people.models import User
from guild.people.roles import Role
from tests.support.people import PASSWORD

pytestmark = pytest.mark.django_db


def test_sign_in_with_email_and_password_reaches_home(client, learner):
    response = client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    assert response.context["user"] == learner


def test_wrong_password_shows_the_forms_error_and_does_not_sign_in(client, learner):
    response = client.post(reverse("account_login"), {"login": learner.email, "password": "nope"})
    assert response.status_code == 200
    assert "not correct" in response.content.decode()
    assert not response.context["user"].is_authenticated


def test_repeated_failed_sign_ins_are_rate_limited(client, learner):
    for _ in range(5):
        client.post(reverse("account_login"), {"login": learner.email, "password": "wrong"})
    response = client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    body = response.content.decode()
    assert "Too many failed login attempts" in body
    assert not response.context["user"].is_authenticated


def test_sign_up_sends_a_verification_email_and_makes_a_learner(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "new.hire@example.com", "password1": "a-long-passphrase-42", "password2": "a-long-passphrase-42"},
    )
    assert response.status_code == 302
    person = User.objects.get(email="new.hire@example.com")
    assert person.has_role(Role.LEARNER)
    # Queued in the outbox by the request, sent by the outbox's sender (the worker's task).
    assert mail.outbox == [] and OutboxMessage.objects.filter(to_email="new.hire@example.com").count() == 1
    deliver_outbox()
    assert len(mail.outbox) == 1 and "new.hire@example.com" in mail.outbox[0].to
    assert "confirm" in mail.outbox[0].body.lower()


def test_sign_up_can_be_limited_to_company_domains(client, settings):
    settings.GUILD_SIGNUP_DOMAINS = ["acme.com"]
    response = client.post(
        reverse("account_signup"),
        {"email": "someone@gmail.com", "password1": "a-long-passphrase-42", "password2": "a-long-passphrase-42"},
    )
    assert response.status_code == 200
    assert "Use your company email address (acme.com)" in response.content.decode()
    assert not User.objects.filter(email="someone@gmail.com").exists()


def test_password_reset_sends_a_link(client, learner):
    client.post(reverse("account_reset_password"), {"email": learner.email})
    assert mail.outbox == []
    deliver_outbox()
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_account_emails_are_written_in_the_language_of_the_request_that_asked(client, learner):
    client.post(reverse("account_reset_password"), {"email": learner.email}, HTTP_ACCEPT_LANGUAGE="fr")
    deliver_outbox()  # a worker, in no particular language, sends what the request wrote
    assert len(mail.outbox) == 1
    assert "mot de passe" in mail.outbox[0].subject.lower(), mail.outbox[0].subject
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_an_account_email_is_sent_once_and_forgets_its_link(client, learner, ld_admin):
    client.post(reverse("account_reset_password"), {"email": learner.email})
    client.force_login(ld_admin)
    queued = client.get("/automation/outbox/").content.decode()
    deliver_outbox()
    deliver_outbox()
    assert len(mail.outbox) == 1
    row = OutboxMessage.objects.get(kind="account.email")
    assert (row.status, row.payload, row.body) == ("sent", {}, "")
    assert row.subject == mail.outbox[0].subject and mail.outbox[0].to == [learner.email]
    # L&D admins see that it went out, never the link that would let them set the learner's password.
    sent = client.get("/automation/outbox/").content.decode()
    assert learner.email in sent and row.subject in sent
    assert "/password/reset/key/" not in queued + sent


def test_sign_out_is_a_post(client, learner):
    client.force_login(learner)
    client.post(reverse("account_logout"))
    assert client.get(reverse("home")).status_code == 302


def test_a_post_without_csrf_token_is_refused(learner):
    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()


def test_signing_up_with_a_taken_address_tells_its_owner_through_the_outbox(client, learner):
    response = client.post(
        reverse("account_signup"),
        {"email": learner.email, "password1": "a-long-passphrase-42", "password2": "a-long-passphrase-42"},
    )
    assert response.status_code == 302  # the same answer as for a new address: nothing to enumerate
    row = OutboxMessage.objects.get(kind="account.email")
    assert mail.outbox == [] and row.payload["template"] == "account/email/account_already_exists"
    deliver_outbox()
    assert [m.to for m in mail.outbox] == [[learner.email]]


def test_the_admin_has_no_password_reset_of_its_own(client, learner):
    """Wagtail's reset form would send its email in the request, past the outbox and allauth's rate limit."""
    assert client.get("/cms/password_reset/").status_code == 404
    response = client.post("/cms/password_reset/", {"email": learner.email})
    assert response.status_code == 404 and not OutboxMessage.objects.exists() and not mail.outbox

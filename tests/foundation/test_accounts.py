import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

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
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_sign_out_is_a_post(client, learner):
    client.force_login(learner)
    client.post(reverse("account_logout"))
    assert client.get(reverse("home")).status_code == 302


def test_a_post_without_csrf_token_is_refused(learner):
    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()

"""allauth's emails go through the outbox: a password reset answers at once while the mail relay is
silent, the real worker delivers the email once the relay answers, exactly once, and its link works."""

import email
import re
import time
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from guild.notifications.delivery import deliver_outbox
from guild.notifications.models import OutboxMessage
from tests.support.automation import wait_for
from tests.support.outages import HeldRelay
from tests.support.people import PASSWORD
from tests.support.services import WorkerProcess

pytestmark = pytest.mark.django_db(transaction=True)
NEW_PASSWORD = "a-brand-new-passphrase-7"  # noqa: S105 - a test's own password


@pytest.fixture
def held_relay(smtp_server):
    """The test's real SMTP server behind a relay that says nothing until the test opens it."""
    relay = HeldRelay(target_port=smtp_server.port).start()
    yield relay
    relay.stop()


@pytest.fixture
def relay_worker(held_relay, settings, tmp_path, monkeypatch):
    """A real worker whose email goes through the held relay, with time to wait for it to answer."""
    monkeypatch.setenv("EMAIL_URL", f"smtp://127.0.0.1:{held_relay.port}")
    monkeypatch.setenv("EMAIL_TIMEOUT", "60")
    # Were the email still sent inside the request, the request would hang on the relay for this long.
    settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = held_relay.port, 10
    worker = WorkerProcess(tmp_path / "worker.log").start()
    yield worker
    worker.stop()


def _text_of(envelope):
    message = email.message_from_bytes(envelope.original_content)
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")


def test_a_password_reset_answers_at_once_and_the_worker_delivers_it_once_the_relay_answers(
    client, learner, smtp_server, held_relay, relay_worker
):
    assert client.get(reverse("account_reset_password")).status_code == 200  # the person opens the form
    started = time.monotonic()
    response = client.post(reverse("account_reset_password"), {"email": learner.email})
    answered_in = time.monotonic() - started
    assert response.status_code == 302 and answered_in < 3, answered_in

    # The worker is at the relay, waiting for a greeting that does not come; nothing has arrived.
    wait_for(lambda: held_relay.connections, timeout=30, message="the worker to connect to the relay")
    assert smtp_server.messages == []
    row = OutboxMessage.objects.get(kind="account.email")
    assert row.to_email == learner.email and row.status == "sending"

    held_relay.open()
    wait_for(lambda: smtp_server.messages, timeout=60, message="the password-reset email at the SMTP server")
    wait_for(lambda: OutboxMessage.objects.filter(pk=row.pk, status="sent").exists(), timeout=30,
             message="the row to be marked sent")
    # Another delivery run (beat's, every 30 s) finds nothing left to send: exactly once.
    deliver_outbox()
    time.sleep(1)
    assert [m.rcpt_tos for m in smtp_server.messages] == [[learner.email]]
    row.refresh_from_db()
    assert row.attempts == 1 and row.payload == {} and row.body == ""  # the link is not kept, nor shown

    # The link in the email sets a new password, and the person signs in with it.
    text = _text_of(smtp_server.messages[0])
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", text).group(0)
    form = client.get(urlsplit(link).path, follow=True)
    assert form.status_code == 200 and "password1" in form.content.decode()
    done = client.post(form.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert done.status_code == 302
    client.logout()
    assert client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD}).status_code == 200
    signed_in = client.post(reverse("account_login"), {"login": learner.email, "password": NEW_PASSWORD})
    assert signed_in.status_code == 302

"""Webhooks: a receiving system (an HR system, an LMS) registers a URL and a secret; Guild POSTs
course completions, certificates and overdue enrolments to it, signed, through the outbox.

The receiver here is a real HTTP server on a free local port, in a thread: it stands for the
receiving system, which is outside the platform. It checks each delivery's signature with its own
code (the recipe docs/api.md gives), and can be told to fail before it recovers."""

import hashlib
import hmac
import json
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from courses.webhook_events import sweep_overdue
from guild.notifications.delivery import deliver_outbox
from guild.notifications.models import OutboxMessage, OutboxStatus
from guild.webhooks.models import WebhookEndpoint
from tests.support.courses import complete_course_for, enrol, make_course

pytestmark = pytest.mark.django_db


class Receiver:
    """The receiving system: records what arrives, answers `fail_next` requests with 503 first."""

    def __init__(self, secret):
        self.secret, self.received, self.fail_next = secret, [], 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append({"headers": dict(self.headers), "body": body, "valid": receiver.verify(self.headers, body)})
                failing = receiver.fail_next > 0
                receiver.fail_next -= failing
                self.send_response(503 if failing else 204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/guild"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def verify(self, headers, body):
        parts = dict(item.split("=", 1) for item in headers["Guild-Signature"].split(","))
        expected = hmac.new(self.secret.encode(), parts["t"].encode() + b"." + body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, parts["v1"]) and abs(time.time() - int(parts["t"])) < 300

    def events(self):
        return [(json.loads(r["body"])["type"], r["headers"]["Guild-Delivery"]) for r in self.received]


@pytest.fixture
def receiver():
    receiver = Receiver(secret="whsec_test-secret")
    yield receiver
    receiver.server.shutdown()
    receiver.server.server_close()


@pytest.fixture
def endpoint(receiver):
    return WebhookEndpoint.objects.create(name="HR system", url=receiver.url, secret=receiver.secret,
                                          events=["course.completed", "certificate.issued", "enrolment.overdue"])


def test_a_completion_reaches_the_receiver_signed_with_its_certificate(receiver, endpoint, learner,
                                                                        django_capture_on_commit_callbacks):
    course = make_course("Data basics", lessons=2, quiz=False)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = complete_course_for(learner, course)
    deliver_outbox()
    assert sorted(kind for kind, _ in receiver.events()) == ["certificate.issued", "course.completed"]
    assert all(r["valid"] for r in receiver.received), "the receiver could not verify a signature"
    issued = next(json.loads(r["body"]) for r in receiver.received if r["headers"]["Guild-Event"] == "certificate.issued")
    assert issued["data"]["code"] == certificate.code and issued["data"]["learner"] == learner.email


def test_a_receiver_outage_loses_nothing_and_a_retry_sends_nothing_twice(receiver, endpoint, learner,
                                                                        django_capture_on_commit_callbacks):
    course = make_course("Safety", lessons=1, quiz=False)
    receiver.fail_next = 2  # the receiving system is down for the first two attempts
    with django_capture_on_commit_callbacks(execute=True):
        complete_course_for(learner, course)
    assert deliver_outbox()["failed"] == 2
    rows = OutboxMessage.objects.filter(kind="webhook")
    assert {r.status for r in rows} == {OutboxStatus.FAILED} and all("503" in r.last_error for r in rows)
    rows.update(send_after=timezone.now() - timedelta(seconds=1))  # the back-off has passed
    assert deliver_outbox()["sent"] == 2
    assert deliver_outbox()["sent"] == 0  # nothing left: sent rows are not sent again
    ids = [delivery for _, delivery in receiver.events()]
    assert len(ids) == 4 and len(set(ids)) == 2, "a retry must carry the same delivery id"
    assert set(OutboxMessage.objects.filter(kind="webhook").values_list("status", flat=True)) == {OutboxStatus.SENT}


def test_an_overdue_enrolment_is_reported_once_however_often_the_sweep_runs(receiver, endpoint, learner):
    course = make_course("Compliance", lessons=1, quiz=False)
    enrolment = enrol(learner, course, due_date=timezone.localdate() - timedelta(days=1))
    assert sweep_overdue() == 1
    assert sweep_overdue() == 0
    deliver_outbox()
    (event,) = [json.loads(r["body"]) for r in receiver.received]
    assert event["type"] == "enrolment.overdue" and event["data"]["enrolment"] == enrolment.pk


def test_endpoints_get_only_the_events_they_chose_and_a_tampered_body_fails_verification(receiver, learner,
                                                                                      django_capture_on_commit_callbacks):
    from guild.webhooks import signing

    WebhookEndpoint.objects.create(name="LMS", url=receiver.url, secret=receiver.secret, events=["certificate.issued"])
    WebhookEndpoint.objects.create(name="Off", url=receiver.url, secret=receiver.secret, events=["course.completed"],
                                   is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        complete_course_for(learner, make_course("Excel", lessons=1, quiz=False))
    deliver_outbox()
    assert [kind for kind, _ in receiver.events()] == ["certificate.issued"]
    (delivery,) = receiver.received
    header = delivery["headers"]["Guild-Signature"]
    assert signing.verify(receiver.secret, header, delivery["body"])
    assert not signing.verify(receiver.secret, header, delivery["body"].replace(b"Excel", b"Exce1"))
    assert not signing.verify("whsec_wrong", header, delivery["body"])


def test_an_ld_admin_registers_an_endpoint_in_the_admin_and_a_learner_cannot(client, ld_admin, learner):
    from django.urls import reverse

    form = {"name": "LMS", "url": "https://lms.example.com/hooks", "secret": "whsec_shared",
            "events": ["course.completed", "enrolment.overdue"], "is_active": "on"}
    client.force_login(learner)
    client.post(reverse("guild_webhooks:add"), form)
    assert not WebhookEndpoint.objects.exists()
    client.force_login(ld_admin)
    response = client.post(reverse("guild_webhooks:add"), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.events == ["course.completed", "enrolment.overdue"] and endpoint.secret == "whsec_shared"
    refused = client.post(reverse("guild_webhooks:add"), {**form, "url": "ftp://lms.example.com", "events": ["nonsense"]})
    assert refused.status_code == 200 and WebhookEndpoint.objects.count() == 1

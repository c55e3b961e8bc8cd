"""An SMTP server that accepts the connection and never answers: the sender gives up within
EMAIL_TIMEOUT, the message is failed with its error and retryable, and once retried against a
working server it is sent, once."""

import time

import pytest
from django.utils import timezone

from guild.notifications.models import OutboxMessage
from guild.notifications.services import retry_message
from tests.support.automation import due_in, open_policy, wait_for
from tests.support.courses import make_course
from tests.support.outages import CeleryWorker, service_env, task_sender
from tests.support.services import _database_url_for_tests

pytestmark = pytest.mark.django_db(transaction=True)
EMAIL_TIMEOUT = 2


def test_a_silent_smtp_server_leaves_the_message_failed_and_retryable(
    own_redis, silent_server, smtp_server, tmp_path, learner, expert
):
    course = make_course("Cyber hygiene", authors=[expert], lessons=1, quiz=False)
    open_policy()
    due_in(learner, course, 1)
    beat = task_sender(own_redis.url())
    env = {"DATABASE_URL": _database_url_for_tests(), "REDIS_URL": own_redis.url(), "EMAIL_TIMEOUT": EMAIL_TIMEOUT}
    worker = CeleryWorker(tmp_path, service_env(**env, EMAIL_URL=f"smtp://127.0.0.1:{silent_server.port}")).start()
    try:
        started_at = time.monotonic()
        beat.send_task("guild.core.run_sweep", args=["courses.enrolment_reminders"])  # queues and sends
        message = wait_for(lambda: OutboxMessage.objects.filter(status="failed").first(), timeout=60,
                           message="the message to fail")
        # Gave up after EMAIL_TIMEOUT, not after the lease or a TCP timeout (margin: the worker's pick-up).
        assert time.monotonic() - started_at < EMAIL_TIMEOUT + 15
        assert silent_server.connections, "the sender never connected"
        assert "timed out" in message.last_error.lower() and message.attempts == 1
        assert message.send_after > timezone.now()  # and retried automatically after a back-off
    finally:
        worker.stop()

    # Retried by hand from the outbox page once the relay works again.
    assert retry_message(message_id=message.pk)
    worker = CeleryWorker(tmp_path, service_env(**env, EMAIL_URL=f"smtp://127.0.0.1:{smtp_server.port}")).start()
    try:
        beat.send_task("guild.notifications.deliver_outbox")
        wait_for(lambda: OutboxMessage.objects.filter(pk=message.pk, status="sent").exists(), timeout=60,
                 message="the retried message to be sent")
    finally:
        worker.stop()
        beat.close()
    message.refresh_from_db()
    assert message.attempts == 2
    assert [envelope.rcpt_tos for envelope in smtp_server.messages] == [[learner.email]]

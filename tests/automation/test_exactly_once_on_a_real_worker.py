"""Real tasks on a real worker process through the real broker, sending to a real SMTP server."""

import pytest

from courses.models import Enrolment
from guild.core.tasks import run_sweep
from guild.notifications.models import Notification, OutboxMessage
from guild.notifications.services import retry_message
from guild.notifications.tasks import deliver_outbox
from tests.support.automation import bulk_learners_enrolled, due_in, open_policy, wait_for
from tests.support.courses import make_course
from tests.support.services import WorkerProcess

pytestmark = pytest.mark.django_db(transaction=True)
REMINDERS = "courses.enrolment_reminders"


def drain():
    """Wait until the worker is idle: nothing left in the outbox to send and two heartbeat tasks
    run one after the other (tasks the sweeps queue reach the broker before the second)."""
    from guild.core.models import Heartbeat
    from guild.core.tasks import heartbeat

    for _ in range(2):
        wait_for(lambda: not OutboxMessage.objects.filter(status__in=["queued", "sending"]).exists(), timeout=120,
                 message="the outbox to settle")
        Heartbeat.objects.filter(name="drain").delete()
        heartbeat.delay(name="drain")
        wait_for(lambda: Heartbeat.objects.filter(name="drain").exists(), timeout=120, message="the worker to be idle")


def recipients(smtp_server):
    return sorted(rcpt for envelope in smtp_server.messages for rcpt in envelope.rcpt_tos)


def test_a_sweep_run_twice_sends_each_reminder_once(mail_worker, smtp_server, learner, other_learner, expert):
    course = make_course("Fire safety", authors=[expert], lessons=1, quiz=False)
    open_policy()
    due_in(learner, course, 7)
    due_in(other_learner, course, 1)
    run_sweep.delay(REMINDERS)
    run_sweep.delay(REMINDERS)
    drain()
    assert recipients(smtp_server) == ["alice@example.com", "bob@example.com"]
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"sent"}
    assert Notification.objects.filter(kind="reminder.due").count() == 2


def test_a_worker_killed_during_a_sweep_leaves_nothing_unsent_and_nothing_sent_twice(
    mail_worker, smtp_server, expert, tmp_path
):
    course = make_course("Anti-bribery", authors=[expert], lessons=1, quiz=False)
    open_policy()
    total = 600
    bulk_learners_enrolled(course, total, days=7)
    # One enrolment per batch makes the sweep slow enough to be killed half-way.
    run_sweep.delay(REMINDERS, batch_size=1)
    wait_for(lambda: OutboxMessage.objects.count() >= 20, timeout=60, interval=0.02, message="the sweep to start")
    mail_worker.kill()
    queued_before_the_crash = OutboxMessage.objects.count()
    assert queued_before_the_crash < total, "the sweep finished before it could be killed; raise `total`"

    restarted = WorkerProcess(tmp_path / "worker-2.log").start()  # starts with an empty queue, as after a crash
    try:
        run_sweep.delay(REMINDERS, batch_size=100)  # the next scheduled sweep resumes
        deliver_outbox.delay()
        wait_for(lambda: OutboxMessage.objects.filter(status="sent").count() == total, timeout=180,
                 message="every reminder to be sent")
        drain()
    finally:
        restarted.stop()
    sent_to = recipients(smtp_server)
    assert len(sent_to) == total
    assert len(set(sent_to)) == total
    assert OutboxMessage.objects.count() == total


def test_an_smtp_server_that_refuses_leaves_the_message_failed_and_retryable(mail_worker, smtp_server, learner, expert):
    course = make_course("Cyber hygiene", authors=[expert], lessons=1, quiz=False)
    open_policy()
    due_in(learner, course, 1)
    smtp_server.refuse = True
    run_sweep.delay(REMINDERS)
    drain()
    message = OutboxMessage.objects.get()
    assert message.status == "failed"
    assert "554" in message.last_error and message.attempts == 1
    assert smtp_server.messages == []

    smtp_server.refuse = False
    assert retry_message(message_id=message.pk)
    deliver_outbox.delay()
    drain()
    message.refresh_from_db()
    assert message.status == "sent" and message.attempts == 2
    assert recipients(smtp_server) == ["alice@example.com"]
    assert Notification.objects.filter(recipient=learner).count() == 1  # the in-app notice was not doubled


def test_a_person_who_joins_a_team_is_enrolled_by_its_rule(mail_worker, smtp_server, team, expert):
    from courses.automation.models import EnrolmentRule, RuleRun
    from tests.support.people import make_user

    course = make_course("Onboarding", authors=[expert], lessons=1, quiz=False)
    open_policy()
    rule = EnrolmentRule.objects.create(name="Analytics onboarding", team=team, course=course, due_in_days=14)
    newcomer = make_user(email="newcomer@example.com")
    newcomer.team = team
    newcomer.save()
    enrolment = wait_for(lambda: Enrolment.objects.filter(learner=newcomer, course=course).first(),
                         message="the rule to enrol the newcomer")
    assert enrolment.source == "rule" and enrolment.source_id == rule.pk
    assert (enrolment.due_date - enrolment.enrolled_at.date()).days == 14
    drain()
    assert RuleRun.objects.filter(rule=rule, trigger="person", enrolled_count=1).exists()
    assert "newcomer@example.com" in recipients(smtp_server)

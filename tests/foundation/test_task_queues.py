"""Task routes: batch jobs on `sweeps`, the outbox sender on `email`, everything else on `default`.

The first tests ask Celery's own router (no broker, no worker); the last one starts a real worker
that consumes `email` only and shows that email goes out while a sweep waits in its queue."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from guild.celery import app

ROOT = Path(__file__).resolve().parents[2]

# Every task the project defines, and the queue it must land in. A new task fails
# test_every_task_has_a_deliberate_queue until it is added here (and to a route, if it is a batch job).
EXPECTED = {
    "guild.core.heartbeat": "default",
    "guild.core.sweep_all": "sweeps",
    "guild.core.run_sweep": "sweeps",
    "guild.notifications.deliver_outbox": "email",
    "guild.xapi.deliver_statements": "email",
    "courses.automation.run_rules": "sweeps",
    "courses.automation.run_rules_for_person": "sweeps",
    "courses.automation.prune_rule_runs": "sweeps",
    "courses.automation.webhooks_overdue": "sweeps",
    "governance.fold_learning_events": "sweeps",
    "governance.refresh_summaries": "sweeps",
    "governance.notify_need_followers": "default",
    "governance.queue_report_emails": "sweeps",
    "rewards.monthly_recognition": "sweeps",
    "rewards.backfill_badge": "sweeps",
}


def queue_of(task_name):
    """The queue Celery's router picks for a task sent by name, as `.delay()` and beat send it."""
    return app.amqp.router.route({}, task_name)["queue"].name


def project_tasks():
    app.loader.import_default_modules()  # the tasks.py of every installed app, as a worker imports them
    return {name for name in app.tasks if not name.startswith("celery.")}


@pytest.mark.parametrize(("task_name", "queue"), sorted(EXPECTED.items()))
def test_each_task_lands_in_its_queue(task_name, queue):
    assert queue_of(task_name) == queue


def test_every_task_has_a_deliberate_queue():
    assert project_tasks() == set(EXPECTED)


def test_an_unknown_task_goes_to_the_default_queue():
    assert queue_of("someapp.something_new") == "default"


def test_routes_name_only_the_known_queues_and_every_local_worker_consumes_them_all():
    queues = set(settings.GUILD_CELERY_QUEUES)
    assert {route["queue"] for route in settings.CELERY_TASK_ROUTES.values()} | {"default"} == queues
    worker_line = next(line for line in (ROOT / "Procfile").read_text().splitlines() if line.startswith("worker:"))
    consumed = re.search(r"-Q (\S+)", worker_line)
    assert consumed and set(consumed.group(1).split(",")) == queues, worker_line


def test_periodic_tasks_route_like_the_rest():
    """Beat sends by name through the same router: the sweeps and rollups it schedules go to `sweeps`."""
    schedule = app.conf.beat_schedule
    assert queue_of(schedule["guild-sweeps"]["task"]) == "sweeps"
    assert queue_of(schedule["governance-fold-learning-events"]["task"]) == "sweeps"
    assert queue_of(schedule["notifications-outbox"]["task"]) == "email"
    assert queue_of(schedule["guild-heartbeat"]["task"]) == "default"


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_an_email_only_worker_delivers_the_outbox_while_sweeps_wait(smtp_server, learner, tmp_path, monkeypatch):
    import redis

    from guild.core.tasks import run_sweep
    from guild.notifications.models import OutboxMessage
    from guild.notifications.services import queue_messages
    from guild.notifications.tasks import deliver_outbox
    from tests.support.automation import wait_for
    from tests.support.services import WorkerProcess

    if not settings.CELERY_BROKER_URL.startswith("redis://"):
        pytest.skip("reads the queue's length in Redis; set REDIS_URL")
    monkeypatch.setenv("EMAIL_URL", f"smtp://127.0.0.1:{smtp_server.port}")
    worker = WorkerProcess(tmp_path / "worker.log", queues=["email"]).start()
    try:
        queue_messages([OutboxMessage(key="queues:email-only", recipient=learner, kind="custom",
                                      payload={"title": "Sent by the email worker"})])
        run_sweep.delay("courses.enrolment_reminders")
        deliver_outbox.delay()
        wait_for(lambda: OutboxMessage.objects.filter(key="queues:email-only", status="sent").exists(),
                 timeout=60, message=f"the email worker to send\n{worker.output()}")
        assert [rcpt for envelope in smtp_server.messages for rcpt in envelope.rcpt_tos] == [learner.email]
        # The sweep is still in its queue, untouched: no worker here consumes `sweeps`.
        broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
        assert broker.llen("sweeps") == 1
        assert "Task guild.core.run_sweep" not in worker.output()
    finally:
        worker.stop()
        app.control.purge()  # the waiting sweep must not run in a later test's worker

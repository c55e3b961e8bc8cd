"""Fixtures and factories for the automation and notification tests.

    policy = open_policy()                  # reminders may go out at any hour
    enrolment = due_in(learner, course, 7)  # an active enrolment due in 7 days (learner's date)
"""

import time
from datetime import timedelta

import pytest

__all__ = ["open_policy", "due_in", "wait_for", "mail_worker", "bulk_learners_enrolled", "outbox_keys"]


def open_policy(**fields):
    """The reminder policy with sending hours 0-24, so tests never depend on the clock's hour."""
    from courses.automation.models import ReminderPolicy

    policy = ReminderPolicy.get()
    for name, value in {"send_from_hour": 0, "send_until_hour": 24, **fields}.items():
        setattr(policy, name, value)
    policy.save()
    return policy


def due_in(learner, course, days, **fields):
    """Enrol through the courses service, then set the due date `days` from the learner's today."""
    from django.utils import timezone

    from courses.models import Enrolment
    from courses.services import enrol
    from guild.notifications.timing import local_date

    enrolment, _ = enrol(learner=learner, course=course, source="assigned")
    due = local_date(timezone.now(), learner.timezone) + timedelta(days=days)
    Enrolment.objects.filter(pk=enrolment.pk).update(due_date=due, **fields)
    enrolment.refresh_from_db()
    return enrolment


def bulk_learners_enrolled(course, n, *, days=7, prefix="bulk"):
    """`n` learners enrolled in `course`, due in `days`, created in bulk (fast, for sweeps at scale)."""
    from django.utils import timezone

    from courses.models import Enrolment
    from guild.people.models import User

    users = User.objects.bulk_create(
        [User(email=f"{prefix}{i}@example.com", first_name=f"P{i}", password="!") for i in range(n)]
    )
    due = timezone.now().date() + timedelta(days=days)
    return Enrolment.objects.bulk_create(
        [Enrolment(learner=u, course=course, source="assigned", due_date=due) for u in users]
    )


def outbox_keys(**filters):
    from guild.notifications.models import OutboxMessage

    return sorted(OutboxMessage.objects.filter(**filters).values_list("key", flat=True))


def wait_for(predicate, timeout=60, interval=0.2, message="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {message}")


@pytest.fixture
def mail_worker(transactional_db, smtp_server, tmp_path, monkeypatch):
    """A real worker process whose email goes to the test's real SMTP server (smtp_server)."""
    from tests.support.services import WorkerProcess

    monkeypatch.setenv("EMAIL_URL", f"smtp://127.0.0.1:{smtp_server.port}")
    worker = WorkerProcess(tmp_path / "worker.log").start()
    yield worker
    worker.stop()

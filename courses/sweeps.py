"""Courses' own sweeps, run by the platform's sweep_all (see guild.core.sweeps)."""

from django.utils import timezone

from guild.core import sweeps
from guild.notifications.tasks import enqueue_delivery

from .boosters.services import ask_due
from .services.cohort_admin import sweep_session_reminders


@sweeps.register("courses.retention_boosters", order=60)
def sweep_boosters(*, now=None, batch_size=None, enqueue=True) -> dict:
    today = timezone.localdate(now) if now else None
    counts = ask_due(today=today, batch_size=batch_size or sweeps.batch_size())
    if counts["learners"] and enqueue:
        enqueue_delivery()
    return counts


@sweeps.register("courses.cohort_session_reminders", order=61)
def sweep_cohort_reminders(*, now=None, batch_size=None, enqueue=True) -> dict:
    queued = sweep_session_reminders(now=now, batch_size=batch_size or sweeps.batch_size())
    if queued and enqueue:
        enqueue_delivery()
    return {"queued": queued}

"""Periodic tasks (collected by guild.celery)."""

from . import conf

BEAT_SCHEDULE = {
    # Picks up retries and orphaned claims; new messages ask for a delivery run themselves.
    "notifications-outbox": {"task": "guild.notifications.deliver_outbox", "schedule": conf.outbox_seconds()},
}

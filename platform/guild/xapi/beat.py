"""Periodic tasks (collected by guild.celery)."""

from django.conf import settings

BEAT_SCHEDULE = {
    # Retries after an LRS outage, and anything a lost nudge left behind.
    "xapi-statements": {"task": "guild.xapi.deliver_statements",
                        "schedule": float(getattr(settings, "GUILD_XAPI_SECONDS", 30))},
}

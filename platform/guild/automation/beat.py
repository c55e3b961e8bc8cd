"""Periodic tasks (collected by guild.celery). Intervals come from settings through conf.py:
every minute in development so the demo's reminders go out within a minute of start."""

from celery.schedules import crontab

from . import conf

BEAT_SCHEDULE = {
    "automation-sweep": {"task": "guild.automation.sweep_all", "schedule": conf.reminder_sweep_seconds()},
    "automation-rules": {"task": "guild.automation.run_rules", "schedule": conf.rules_sweep_seconds()},
    "automation-outbox": {"task": "guild.automation.deliver_outbox", "schedule": conf.outbox_seconds()},
    # Daily, at night; a run stuck in the queue expires rather than piling up behind the next one.
    "automation-prune-rule-runs": {"task": "guild.automation.prune_rule_runs", "schedule": crontab(hour="3", minute="30"),
                                   "options": {"expires": 12 * 3600}},
}

"""Periodic tasks (collected by guild.celery). The reminder, renewal and digest sweeps run with every
other registered sweep (see sweeps.py); intervals come from settings through conf.py."""

from celery.schedules import crontab

from . import conf

BEAT_SCHEDULE = {
    "automation-webhooks-overdue": {"task": "courses.automation.webhooks_overdue", "schedule": crontab(minute="15")},
    "automation-rules": {"task": "courses.automation.run_rules", "schedule": conf.rules_sweep_seconds()},
    # Daily, at night; a run stuck in the queue expires rather than piling up behind the next one.
    "automation-prune-rule-runs": {"task": "courses.automation.prune_rule_runs", "schedule": crontab(hour="3", minute="30"),
                                   "options": {"expires": 12 * 3600}},
}

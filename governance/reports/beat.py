# Hourly: a new week or month starts at midnight; the outbox key keeps each period's email to one.
BEAT_SCHEDULE = {
    "governance-queue-report-emails": {
        "task": "governance.queue_report_emails",
        "schedule": 3600.0,
        "options": {"expires": 3600.0},
    },
}

from celery.schedules import crontab

BEAT_SCHEDULE = {
    # Early on the 1st: last month's top-contributor badges and recognition summaries.
    "rewards-monthly-recognition": {"task": "rewards.monthly_recognition", "schedule": crontab(day_of_month="1", hour="6", minute="0")},
}

"""The one Celery app. Tasks are discovered in each app's tasks.py; each app adds its
periodic tasks to the beat schedule in its own beat.py (BEAT_SCHEDULE dict)."""

import importlib
import os

from celery import Celery
from django.apps import apps
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guild.settings")

app = Celery("guild")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def _collect_beat_schedules(sender, **kwargs):
    schedule = dict(settings.CELERY_BEAT_SCHEDULE)
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.beat")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.beat":
                raise
            continue
        schedule.update(getattr(module, "BEAT_SCHEDULE", {}))
    sender.conf.beat_schedule = schedule


def ensure_broker_folders():
    """kombu's filesystem transport needs its folders before the first message."""
    if settings.CELERY_BROKER_URL.startswith("filesystem://"):
        for key in ("data_folder_in", "control_folder", "processed_folder"):
            os.makedirs(settings.CELERY_BROKER_TRANSPORT_OPTIONS[key], exist_ok=True)

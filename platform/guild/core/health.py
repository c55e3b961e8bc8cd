"""Health of the three things Guild needs: the database, the broker and a live worker."""

import logging

from django.db import connection

from guild.celery import app, ensure_broker_folders

logger = logging.getLogger(__name__)


def check_database() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return True, "ok"
    except Exception as exc:  # any failure means "down"; the reason goes in the JSON
        logger.warning("healthz: database down: %s", exc)
        return False, exc.__class__.__name__


def check_broker() -> tuple[bool, str]:
    try:
        ensure_broker_folders()
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True, "ok"
    except Exception as exc:
        logger.warning("healthz: broker down: %s", exc)
        return False, exc.__class__.__name__


def check_worker(timeout: float = 2.0) -> tuple[bool, str]:
    try:
        replies = app.control.ping(timeout=timeout)
    except Exception as exc:
        logger.warning("healthz: worker ping failed: %s", exc)
        return False, exc.__class__.__name__
    if not replies:
        return False, "no worker answered"
    return True, f"{len(replies)} worker(s)"

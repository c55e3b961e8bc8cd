"""Sending work to the Celery worker from a request, without letting a broker outage fail the request.

Every task Guild sends from a request is a nudge, never the only record of the work: the rows it acts
on are in the database (the outbox, rule definitions, a need's status change) and a periodic task or
sweep picks them up anyway. So when the broker cannot be reached, the request logs it and carries on,
and the work is done on the next scheduled run after the broker is back. Celery's publish retries are
kept short in settings (CELERY_TASK_PUBLISH_RETRY_POLICY, CELERY_BROKER_CONNECTION_TIMEOUT), so a
request waits about a second for a broker that is down, not half a minute.

    enqueue(run_rules, rule_id=rule.pk)                      # a task object
    enqueue("governance.notify_need_followers", change.pk)   # or a task name (no import needed)
    enqueue_on_commit(backfill_badge, badge.pk)              # after the current transaction commits
"""

import logging

from celery import current_app
from django.db import transaction

logger = logging.getLogger(__name__)


def enqueue(task, *args, **kwargs) -> bool:
    """Send `task` (a Celery task or its registered name) with these arguments. Returns False, after
    logging why, when the broker could not take it."""
    name = task if isinstance(task, str) else task.name
    try:
        if isinstance(task, str):
            current_app.send_task(task, args=args, kwargs=kwargs)
        else:
            task.apply_async(args=args, kwargs=kwargs)
    except Exception:  # noqa: BLE001 - any broker failure; the scheduled run recovers the work
        logger.exception("could not send task %s; its scheduled run will do the work", name)
        return False
    return True


def enqueue_on_commit(task, *args, **kwargs) -> None:
    """`enqueue` once the current transaction commits (at once outside a transaction)."""
    transaction.on_commit(lambda: enqueue(task, *args, **kwargs))

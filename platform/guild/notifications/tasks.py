"""The outbox sender as a Celery task, and the one way code asks for a delivery run."""

import logging

from celery import shared_task

from .delivery import deliver_outbox as deliver

logger = logging.getLogger(__name__)


@shared_task(name="guild.notifications.deliver_outbox", ignore_result=True)
def deliver_outbox(batch_size=None, lease_seconds=None):
    return deliver(batch_size=batch_size, lease_seconds=lease_seconds)


def enqueue_delivery():
    """One delivery task for a whole batch (never one per message); the outbox is the queue of record."""
    try:
        deliver_outbox.delay()
    except Exception:  # noqa: BLE001 - broker down: beat's periodic delivery sends the rows later
        logger.exception("could not enqueue outbox delivery; the periodic sender will pick the rows up")

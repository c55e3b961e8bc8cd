"""The outbox sender as a Celery task, and the one way code asks for a delivery run."""

from celery import shared_task

from guild.core.background import enqueue

from .delivery import deliver_outbox as deliver


@shared_task(name="guild.notifications.deliver_outbox", ignore_result=True)
def deliver_outbox(batch_size=None, lease_seconds=None):
    return deliver(batch_size=batch_size, lease_seconds=lease_seconds)


def enqueue_delivery():
    """One delivery task for a whole batch (never one per message); the outbox is the queue of record."""
    enqueue(deliver_outbox)  # broker down: logged; beat's periodic delivery sends the rows later

"""Every learning event, once recorded, is queued for each LRS that wants its verb.

The delivery rows are written by a post_save receiver, so in the same transaction as the event:
an event that commits always has its deliveries, and one rolled back has none."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_save

from guild.core.background import enqueue
from guild.events.models import LearningEvent

from .models import StatementDelivery
from .statements import statement_id
from .stores import Store, active_stores


def delivery_key(store_name: str, event_id) -> str:
    return f"{store_name}:{event_id}"


def queue_events(events, stores: list[Store]) -> int:
    """Queue `events` for `stores` (each store only the verbs it wants). Idempotent: an event
    already queued for a store is left as it is. Returns how many rows were new."""
    rows = [
        StatementDelivery(key=delivery_key(store.name, event.pk), lrs_name=store.name, event_id=event.pk,
                          statement_id=statement_id(event.pk))
        for event in events for store in stores if store.wants(event.verb)
    ]
    if not rows:
        return 0
    before = StatementDelivery.objects.filter(key__in=[r.key for r in rows]).count()
    StatementDelivery.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    return len(rows) - before


def _on_event(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    stores = active_stores()
    if stores and queue_events([instance], stores):
        transaction.on_commit(kick)


def kick():
    """Ask for a delivery run, at most one every few seconds however many events are recorded:
    the rows are the queue, and beat's periodic run picks up whatever this misses."""
    from .tasks import deliver_statements

    if cache.add("guild.xapi.kick", 1, timeout=5):
        enqueue(deliver_statements)


def connect():
    post_save.connect(_on_event, sender=LearningEvent, dispatch_uid="guild.xapi.queue_event")

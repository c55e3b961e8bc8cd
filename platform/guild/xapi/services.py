"""Backfills and exports (manage.py export_xapi)."""

import json

from django.db.models import F

from guild.notifications.models import OutboxStatus

from .delivery import deliver
from .models import StatementDelivery
from .outbox import delivery_key, queue_events
from .statements import build_many


def _chunks(queryset, size=1000):
    last = 0
    while True:
        chunk = list(queryset.filter(id__gt=last).select_related("actor").order_by("id")[:size])
        if not chunk:
            return
        yield chunk
        last = chunk[-1].id


def backfill_to_stores(events, stores, *, send=True) -> dict:
    """Queue `events` for `stores`: new ones are queued, ones that ran out of attempts are given a new
    start (keys unchanged, so nothing is queued twice), ones already sent stay sent."""
    queued = restarted = 0
    for chunk in _chunks(events):
        queued += queue_events(chunk, stores)
        keys = [delivery_key(s.name, e.pk) for e in chunk for s in stores]
        restarted += StatementDelivery.objects.filter(key__in=keys, status=OutboxStatus.FAILED).update(
            status=OutboxStatus.QUEUED, attempts=0, send_after=F("created_at"))
    report = {"queued": queued, "requeued": restarted}
    if send:
        report.update(deliver())
    return report


def write_statements(events, *, path, actor_format) -> int:
    """Write the statements of `events` to `path` as one JSON array, without loading them all at once."""
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        out.write("[")
        for chunk in _chunks(events):
            for statement in build_many(chunk, actor_format=actor_format):
                out.write(("\n" if not count else ",\n") + json.dumps(statement, ensure_ascii=False))
                count += 1
        out.write("\n]\n")
    return count

"""Emitting events to receiving systems, through the notifications outbox.

emit() writes one outbox row per subscribed endpoint, keyed by the event's occurrence, so an
event emitted twice (a retried task, a sweep run again) is delivered once. The outbox sender
(guild.notifications.delivery) hands each row to deliver() below, retries failures with back-off
and keeps a row sending until the receiver answers 2xx: an outage loses nothing. The delivery id
(Guild-Delivery) is derived from the row's key, so a retry carries the same id and a receiver
that saw it already can drop it."""

import json
import logging
import urllib.error
import urllib.request
import uuid

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from guild.notifications.kinds import Rendered
from guild.notifications.models import OutboxMessage
from guild.notifications.services import queue_messages

from . import events, signing
from .models import WebhookEndpoint

logger = logging.getLogger(__name__)

KIND = "webhook"
TIMEOUT_SECONDS = 10
_NAMESPACE = uuid.UUID("5b0e1c8a-3f0e-4d53-9a52-5f7c1d2e9b10")


class DeliveryFailed(Exception):
    pass


def emit(event: str, *, occurrence: str, data: dict) -> int:
    """Queue `event` for every active endpoint subscribed to it; returns how many rows were new.
    `occurrence` names this happening of the event (e.g. the enrolment's id), once and for all."""
    if not events.known(event):
        raise ValueError(f"unknown webhook event {event!r}")
    # A handful of endpoints at most, so the event is matched here (SQLite has no JSON "contains").
    endpoints = [pk for pk, wanted in WebhookEndpoint.objects.filter(is_active=True).values_list("pk", "events")
                 if event in wanted]
    if not endpoints:
        return 0
    created_at = timezone.now().isoformat()
    data = json.loads(json.dumps(data, cls=DjangoJSONEncoder))
    rows = []
    for endpoint_id in endpoints:
        key = f"webhook:{endpoint_id}:{event}:{occurrence}"[:200]
        rows.append(OutboxMessage(key=key, kind=KIND, payload={
            "endpoint": endpoint_id, "in_app": False,
            "body": {"id": str(uuid.uuid5(_NAMESPACE, key)), "type": event, "created_at": created_at, "data": data},
        }))
    new = queue_messages(rows)
    if new:
        from guild.notifications.tasks import enqueue_delivery

        transaction.on_commit(enqueue_delivery)
    return len(new)


def body_bytes(payload) -> bytes:
    return json.dumps(payload["body"], sort_keys=True, separators=(",", ":")).encode()


def deliver(message) -> Rendered | None:
    """POST one outbox row to its endpoint. Raises on anything but a 2xx so that the outbox retries.
    None when the endpoint was deleted or turned off meanwhile (the row is skipped)."""
    endpoint = WebhookEndpoint.objects.filter(pk=message.payload.get("endpoint"), is_active=True).first()
    if endpoint is None:
        return None
    if not endpoint.url.lower().startswith(("http://", "https://")):
        raise DeliveryFailed(f"{endpoint.url} is not an http(s) URL")
    body = body_bytes(message.payload)
    request = urllib.request.Request(endpoint.url, data=body, method="POST", headers={  # noqa: S310 - scheme checked above
        "Content-Type": "application/json",
        "User-Agent": "Guild-Webhooks/1",
        "Guild-Event": message.payload["body"]["type"],
        "Guild-Delivery": message.payload["body"]["id"],
        signing.HEADER: signing.header_value(endpoint.secret, body),
    })
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 - scheme checked above
            status = response.status
    except urllib.error.HTTPError as exc:
        raise DeliveryFailed(f"{endpoint.url} answered {exc.code}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise DeliveryFailed(f"{endpoint.url} unreachable: {exc}") from None
    if not 200 <= status < 300:
        raise DeliveryFailed(f"{endpoint.url} answered {status}")
    return Rendered(title=f"{message.payload['body']['type']} → {endpoint.name}"[:250], body=f"HTTP {status}")

"""The outbox sender: claim rows, send each one, mark it.

At-least-once, by choice. A row is claimed (queued → sending) in its own short transaction,
then each message is sent and marked sent right after, one at a time, on one SMTP connection
per batch. If the worker dies between the SMTP server's "250 OK" and that UPDATE, the row
stays 'sending'; once its claim is older than the lease it is sent again. The window is one
SMTP round trip for one message, the Message-ID is stable (derived from the key) so that a
rare duplicate is recognisable, and the in-app notice is deduplicated by the database. We
prefer that to at-most-once, where a crash would silently drop a compliance reminder."""

import dataclasses
import logging
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from . import conf, kinds
from .models import Channel, DeliveryPreference, OutboxMessage, OutboxStatus
from .services import language_of, notify, unsubscribe_url

logger = logging.getLogger(__name__)


class PermanentError(Exception):
    """A message that will never go out as it is (e.g. a malformed address): no automatic retry."""


def message_id(key: str) -> str:
    """A stable Message-ID derived from the outbox key, so that a rare duplicate is recognisable."""
    return f"<{key.replace(':', '.')}@guild.outbox>"


def _ready(now, lease_seconds):
    return (
        Q(status=OutboxStatus.QUEUED, send_after__lte=now)
        | Q(status=OutboxStatus.SENDING, claimed_at__lt=now - timedelta(seconds=lease_seconds))
        | Q(status=OutboxStatus.FAILED, send_after__lte=now, attempts__lt=conf.max_attempts())
    )


def claim(*, limit: int, lease_seconds: int | None = None, now=None) -> tuple[str, list[OutboxMessage]]:
    """Claim up to `limit` rows that are ready. Concurrent senders never claim the same row:
    SKIP LOCKED on PostgreSQL, and the status re-check in the UPDATE everywhere."""
    now = now or timezone.now()
    lease = conf.lease_seconds() if lease_seconds is None else lease_seconds
    token = uuid.uuid4().hex
    ready = _ready(now, lease)
    with transaction.atomic():
        ids = list(
            OutboxMessage.objects.filter(ready).order_by("id").select_for_update(skip_locked=True)
            .values_list("id", flat=True)[:limit]
        )
        if ids:
            OutboxMessage.objects.filter(ready, id__in=ids).update(
                status=OutboxStatus.SENDING, claimed_at=now, claim_token=token, attempts=F("attempts") + 1
            )
    if not ids:
        return token, []
    rows = list(OutboxMessage.objects.filter(claim_token=token, status=OutboxStatus.SENDING).select_related("recipient"))
    return token, rows


def _preferences(rows):
    pairs = DeliveryPreference.objects.filter(
        user_id__in={r.recipient_id for r in rows}, kind__in={r.kind for r in rows}
    ).values_list("user_id", "kind", "channel")
    return {(u, k): c for u, k, c in pairs}


def _email(message, rendered, connection):
    recipient = message.recipient
    address = message.to_email or recipient.email
    try:
        validate_email(address)
    except ValidationError as exc:
        raise PermanentError(f"malformed email address {address!r}") from exc
    # Only a person can unsubscribe; a shared mailbox is configured by L&D in the reminder policy.
    can_unsubscribe = recipient is not None and not message.mandatory
    context = {
        "message": dataclasses.replace(rendered, url=conf.absolute_url(rendered.url), link_groups=[
            (heading, [(label, conf.absolute_url(url)) for label, url in links]) for heading, links in rendered.link_groups
        ]),
        "recipient": recipient,
        "greeting_name": (recipient.first_name or recipient.email) if recipient else "",
        "mandatory": message.mandatory,
        "site_name": getattr(settings, "WAGTAIL_SITE_NAME", "Guild"),
        "preferences_url": conf.base_url() + reverse("notifications:preferences"),
        "unsubscribe_url": unsubscribe_url(user_id=recipient.pk, kind=message.kind) if can_unsubscribe else "",
    }
    headers = {"Message-ID": message_id(message.key), "X-Guild-Kind": message.kind}
    if can_unsubscribe:
        headers["List-Unsubscribe"] = f"<{context['unsubscribe_url']}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    email = EmailMultiAlternatives(
        subject=rendered.title,
        body=render_to_string("notifications/email/message.txt", context),
        to=[address],
        headers=headers,
        connection=connection,
    )
    email.attach_alternative(render_to_string("notifications/email/message.html", context), "text/html")
    for filename, content, mimetype in rendered.attachments:
        email.attach(filename, content, mimetype)
    connection.open()  # a no-op while the batch's connection is open; reconnects after a failure
    connection.send_messages([email])


def _deliver_one(message, channel, connection, cache):
    """Returns the channels used ("" when the person turned this kind off)."""
    kind = kinds.get(message.kind)
    if kind.deliver is not None:  # not a message to a person: its kind sends it (webhooks)
        rendered = kind.deliver(message)
        return rendered, (message.kind if rendered is not None else "")
    recipient = message.recipient
    if message.mandatory or recipient is None:
        channel = Channel.ALL
    if channel == Channel.OFF or (recipient is not None and not recipient.is_active):
        return None, ""
    with translation.override(language_of(recipient)):
        rendered = (kind.render or kinds.render_generic)(message.payload, recipient, cache)
        if rendered is None:  # the kind declined it at send time (e.g. the person lost access to a report)
            return None, ""
        if message.mandatory and not rendered.mandatory_reason:
            rendered.mandatory_reason = str(kinds.MANDATORY_REASON)
        used = []
        if recipient is not None and message.payload.get("in_app", True):
            notify(recipient=recipient, kind=message.kind, title=rendered.title, body=rendered.body,
                   url=rendered.url, dedupe_key=message.key)
            used.append("in_app")
        if channel == Channel.ALL:
            _email(message, rendered, connection)
            used.append("email")
    return rendered, "+".join(used)


def _mark(message, token, **fields):
    OutboxMessage.objects.filter(pk=message.pk, claim_token=token).update(**fields)


def send_claimed(token, rows, *, connection=None, lease_seconds=None) -> dict:
    counts = {"sent": 0, "failed": 0, "skipped": 0, "released": 0}
    if not rows:
        return counts
    lease = conf.lease_seconds() if lease_seconds is None else lease_seconds
    claimed_at = rows[0].claimed_at
    prefs = _preferences(rows)
    cache = {}
    connection = connection or get_connection()
    try:
        for message in rows:
            now = timezone.now()
            if lease and (now - claimed_at).total_seconds() > lease / 2:
                # A slow server: hand the rest back before the lease runs out and another sender
                # takes them too, which would send them twice.
                counts["released"] = OutboxMessage.objects.filter(claim_token=token, status=OutboxStatus.SENDING).update(
                    status=OutboxStatus.QUEUED, claim_token="", claimed_at=None, attempts=F("attempts") - 1
                )
                break
            try:
                rendered, used = _deliver_one(message, prefs.get((message.recipient_id, message.kind), Channel.ALL),
                                              connection, cache)
            except PermanentError as exc:
                logger.warning("outbox %s failed for good: %s", message.key, exc)
                _mark(message, token, status=OutboxStatus.FAILED, last_error=str(exc), attempts=conf.max_attempts())
                counts["failed"] += 1
                continue
            except Exception as exc:  # noqa: BLE001 - any error of one message must leave the others going
                logger.warning("outbox %s failed (attempt %s): %s", message.key, message.attempts, exc)
                connection.close()
                backoff = conf.retry_backoff_seconds() * 2 ** max(message.attempts - 1, 0)
                _mark(message, token, status=OutboxStatus.FAILED, last_error=f"{type(exc).__name__}: {exc}"[:2000],
                      send_after=now + timedelta(seconds=backoff))
                counts["failed"] += 1
                continue
            if rendered is None:
                _mark(message, token, status=OutboxStatus.SKIPPED, channels="")
                counts["skipped"] += 1
                continue
            forget = {"payload": {}} if kinds.get(message.kind).secret else {}
            _mark(message, token, status=OutboxStatus.SENT, sent_at=now, last_error="", channels=used,
                  subject=rendered.title[:250], body=rendered.body, **forget)
            counts["sent"] += 1
    finally:
        connection.close()
    return counts


def deliver_outbox(*, batch_size: int | None = None, lease_seconds: int | None = None,
                   time_budget: float = 240.0, max_batches: int | None = None) -> dict:
    """Send what is ready, batch after batch, until nothing is left or the time budget is spent
    (the next run picks up the rest). Safe to run in several workers at once."""
    batch_size = batch_size or conf.batch_size()
    totals = {"sent": 0, "failed": 0, "skipped": 0, "batches": 0}
    started = time.monotonic()
    while time.monotonic() - started < time_budget and (max_batches is None or totals["batches"] < max_batches):
        token, rows = claim(limit=batch_size, lease_seconds=lease_seconds)
        if not rows:
            break
        counts = send_claimed(token, rows, lease_seconds=lease_seconds)
        totals["batches"] += 1
        for key in ("sent", "failed", "skipped"):
            totals[key] += counts[key]
        if counts["released"]:
            break
    if totals["batches"]:
        logger.info("outbox: %(sent)s sent, %(failed)s failed, %(skipped)s skipped in %(batches)s batches", totals)
    return totals



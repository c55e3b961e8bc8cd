"""Notifications: in-app notices, the outbox that email goes through, and people's preferences."""

import json
import uuid
from collections.abc import Callable
from typing import NamedTuple

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone, translation

from . import conf
from .models import Channel, DeliveryPreference, Notification, OutboxMessage, OutboxStatus

UNSUBSCRIBE_SALT = "guild.notifications.unsubscribe"

# A notice's text: as it is (a person's own words, or text already rendered for this person), or a
# function that renders it, which notify() calls in the recipient's language.
Text = str | Callable[[], str]


def language_of(person) -> str:
    """The language Guild writes to `person` in: the one they chose, else the site's."""
    return (getattr(person, "language", "") or "") or settings.LANGUAGE_CODE


def render_text(text: Text) -> str:
    return str(text() if callable(text) else text)


def notify(
    *, recipient, kind: str, title: Text, body: Text = "", url: str = "", dedupe_key: str = "",
    email: bool = False, mandatory: bool = False,
) -> Notification | None:
    """Create an in-app notification. With a dedupe_key, a second call for the same
    recipient and key does nothing and returns None.

    Guild's own words are passed as functions (`title=lambda: _("…") % {…}`): they are rendered
    here, in the recipient's language, whoever's request or task sends the notice. A plain string
    is stored as it is.

    With email=True an email is also queued in the outbox (sent by the outbox sender,
    subject to the person's preferences unless mandatory); it is queued once per dedupe_key.
    The in-app link is stored relative to the site; the email's is made absolute."""
    with translation.override(language_of(recipient)):
        title, body = render_text(title), render_text(body)
    url = conf.site_path(url)
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                recipient=recipient, kind=kind, title=title[:200], body=body, url=url, dedupe_key=dedupe_key
            )
    except IntegrityError:
        if dedupe_key:
            return None
        raise
    if email:
        queue_messages([
            OutboxMessage(
                key=f"notify:{recipient.pk}:{dedupe_key or uuid.uuid4().hex}", recipient=recipient, kind=kind,
                mandatory=mandatory, payload={"title": title[:200], "body": body, "url": conf.absolute_url(url), "in_app": False},
            )
        ])
    return notification


def mark_read(*, recipient, notification_ids=None) -> int:
    qs = Notification.objects.filter(recipient=recipient, read_at__isnull=True)
    if notification_ids is not None:
        qs = qs.filter(pk__in=notification_ids)
    return qs.update(read_at=timezone.now())


def queue_messages(messages: list[OutboxMessage]) -> list[OutboxMessage]:
    """Insert outbox rows whose key is new; returns the rows inserted.

    Idempotent: keys already in the outbox (or twice in `messages`) are skipped, and a
    concurrent sweep inserting the same key loses quietly to the unique constraint."""
    if not messages:
        return []
    existing = set(OutboxMessage.objects.filter(key__in=[m.key for m in messages]).values_list("key", flat=True))
    new = []
    for message in messages:
        if message.key not in existing:
            existing.add(message.key)
            new.append(message)
    OutboxMessage.objects.bulk_create(new, ignore_conflicts=True, batch_size=500)
    return new


class NewMessage(NamedTuple):
    """An outbox row to insert in bulk (sweeps build hundreds of thousands; model instances cost more)."""

    key: str
    recipient_id: int
    kind: str
    payload: dict
    mandatory: bool
    send_after: object


_STAGE = "guild_outbox_stage"


def insert_new_messages(messages: list[NewMessage]) -> int:
    """Insert the messages whose key is not in the outbox yet; returns how many were inserted.

    On PostgreSQL the rows are copied into a temporary table and moved with one
    INSERT ... ON CONFLICT DO NOTHING, so a key already queued (by an earlier or a concurrent
    sweep, or twice in `messages`) is skipped by the unique index itself, at COPY speed."""
    if not messages:
        return 0
    if connection.vendor != "postgresql":
        return len(queue_messages([
            OutboxMessage(key=m.key, recipient_id=m.recipient_id, kind=m.kind, payload=m.payload,
                          mandatory=m.mandatory, send_after=m.send_after)
            for m in messages
        ]))
    table = OutboxMessage._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        # Most keys of a repeated sweep exist already: one index probe each is far cheaper than
        # encoding and copying them only for the insert to skip them.
        cursor.execute(f"SELECT key FROM {table} WHERE key = ANY(%s)", [[m.key for m in messages]])  # noqa: S608
        existing = {key for (key,) in cursor.fetchall()}
        messages = [m for m in messages if m.key not in existing]
        if not messages:
            return 0
        # Temporary and emptied at commit: private to this session, nothing to clean up.
        cursor.execute(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS {_STAGE} (key varchar(200), recipient_id bigint, kind varchar(60), "
            "payload jsonb, mandatory boolean, send_after timestamptz) ON COMMIT DELETE ROWS"
        )
        with cursor.copy(f"COPY {_STAGE} (key, recipient_id, kind, payload, mandatory, send_after) FROM STDIN") as copy:
            for m in messages:
                copy.write_row((m.key, m.recipient_id, m.kind, json.dumps(m.payload), m.mandatory, m.send_after))
        cursor.execute(
            f"""INSERT INTO {table} (key, recipient_id, to_email, kind, payload, mandatory, status, send_after,
                                     created_at, claim_token, attempts, last_error, subject, body, channels)
                SELECT key, recipient_id, '', kind, payload, mandatory, %s, send_after, now(), '', 0, '', '', '', ''
                FROM {_STAGE} ORDER BY key  -- one order for every sweep: overlapping inserts never deadlock
                ON CONFLICT (key) DO NOTHING""",  # noqa: S608 - table names are our own
            [OutboxStatus.QUEUED],
        )
        return cursor.rowcount


# --- Preferences ---------------------------------------------------------------------------------


def channel_for(*, user, kind: str) -> str:
    pref = DeliveryPreference.objects.filter(user=user, kind=kind).values_list("channel", flat=True).first()
    return pref or Channel.ALL


def set_preference(*, user, kind: str, channel: str) -> DeliveryPreference:
    if channel not in Channel.values:
        raise ValueError(f"unknown channel {channel!r}")
    pref, _ = DeliveryPreference.objects.update_or_create(user=user, kind=kind, defaults={"channel": channel})
    return pref


def unsubscribe_token(*, user_id: int, kind: str) -> str:
    return signing.dumps({"u": user_id, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    """(user id, kind) from a token made by unsubscribe_token, or None when it was tampered with."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return int(data["u"]), str(data["k"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def unsubscribe_url(*, user_id: int, kind: str) -> str:
    token = unsubscribe_token(user_id=user_id, kind=kind)
    return conf.base_url() + reverse("notifications:unsubscribe", kwargs={"token": token})


def unsubscribe(*, token: str):
    """Stop emails of one kind for the person the token names (they keep the in-app notice).
    Returns (user, kind) or None for a bad token. Idempotent."""
    parsed = read_unsubscribe_token(token)
    if parsed is None:
        return None
    user = get_user_model().objects.filter(pk=parsed[0]).first()
    if user is None:
        return None
    current = channel_for(user=user, kind=parsed[1])
    if current == Channel.ALL:
        set_preference(user=user, kind=parsed[1], channel=Channel.IN_APP)
    return user, parsed[1]


# --- Outbox administration -----------------------------------------------------------------------


def retry_message(*, message_id: int) -> bool:
    """Put a failed message back in the queue, now. Returns False unless it was failed."""
    return bool(
        OutboxMessage.objects.filter(pk=message_id, status=OutboxStatus.FAILED).update(
            status=OutboxStatus.QUEUED, send_after=timezone.now(), claim_token="", claimed_at=None
        )
    )


def retry_all_failed() -> int:
    return OutboxMessage.objects.filter(status=OutboxStatus.FAILED).update(
        status=OutboxStatus.QUEUED, send_after=timezone.now(), claim_token="", claimed_at=None
    )

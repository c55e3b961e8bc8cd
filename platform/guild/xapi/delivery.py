"""The statement sender: claim ready deliveries, POST them to their LRS in batches, mark them.

At-least-once, as the email outbox (guild.notifications.delivery): a row is claimed (queued →
sending) in a short transaction, its batch is POSTed, and the rows are marked sent. If the worker
dies between the LRS's answer and that UPDATE, the claim expires and the batch is sent again with the
same statement ids, which the LRS recognises (xAPI 1.0.3, "Statement Immutability"): nothing twice.

When an LRS is down, slow or refuses a batch, its rows are retried with an exponential backoff, and
the LRS's other waiting rows wait with them, so a long outage costs one attempt per delay, not one
per batch. A batch the LRS rejects as malformed (400, 413, 422) is split to find the statement at fault;
only that one is set aside, with the LRS's answer in last_error."""

import logging
import time
import uuid
from datetime import timedelta
from itertools import groupby

import requests
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from guild.notifications.models import OutboxStatus

from . import conf
from .models import StatementDelivery
from .statements import build_many
from .stores import get_store

logger = logging.getLogger(__name__)

XAPI_VERSION = "1.0.3"


class Transient(Exception):
    """The LRS could not take the batch now (down, slow, overloaded, refusing our credentials)."""


class Rejected(Exception):
    """The LRS refused the batch's content; retrying it unchanged would not help."""


def _ready(now):
    lease = timedelta(seconds=conf.lease_seconds())
    return (
        Q(status=OutboxStatus.QUEUED, send_after__lte=now)
        | Q(status=OutboxStatus.SENDING, claimed_at__lt=now - lease)
        | Q(status=OutboxStatus.FAILED, send_after__lte=now, attempts__lt=conf.max_attempts())
    )


def claim(*, limit: int, exclude_lrs=(), now=None) -> tuple[str, list[StatementDelivery]]:
    now = now or timezone.now()
    token = uuid.uuid4().hex
    ready = _ready(now) & ~Q(lrs_name__in=list(exclude_lrs))
    with transaction.atomic():
        ids = list(StatementDelivery.objects.filter(ready).order_by("id").select_for_update(skip_locked=True)
                   .values_list("id", flat=True)[:limit])
        if ids:
            StatementDelivery.objects.filter(ready, id__in=ids).update(
                status=OutboxStatus.SENDING, claimed_at=now, claim_token=token, attempts=F("attempts") + 1)
    if not ids:
        return token, []
    rows = StatementDelivery.objects.filter(claim_token=token, status=OutboxStatus.SENDING)
    return token, list(rows.select_related("event__actor").order_by("lrs_name", "id"))


def post(store, statements, session) -> None:
    """POST `statements` to `store`; raises Transient or Rejected unless the LRS stored them all."""
    try:
        response = session.post(
            store.statements_url, json=statements, auth=(store.key, store.secret),
            headers={"X-Experience-API-Version": XAPI_VERSION}, timeout=(5, conf.timeout_seconds()),
        )
    except requests.RequestException as exc:
        raise Transient(f"{type(exc).__name__}: {exc}") from exc
    if response.status_code in (200, 204):
        return
    detail = f"HTTP {response.status_code}: {response.text[:500]}"
    if response.status_code in (400, 409, 413, 422):
        raise Rejected(detail)
    raise Transient(detail)


def _mark(token, rows, **fields):
    StatementDelivery.objects.filter(claim_token=token, id__in=[r.id for r in rows]).update(**fields)


def _back_off(token, store_name, rows, error, now):
    attempts = max(r.attempts for r in rows)
    delay = min(conf.retry_seconds() * 2 ** max(attempts - 1, 0), conf.max_retry_seconds())
    retry_at = now + timedelta(seconds=delay)
    StatementDelivery.objects.filter(claim_token=token, id__in=[r.id for r in rows], status=OutboxStatus.SENDING).update(
        status=OutboxStatus.FAILED, last_error=error[:2000], send_after=retry_at)
    # The LRS's other waiting statements wait too, without spending an attempt.
    StatementDelivery.objects.filter(
        lrs_name=store_name, status__in=[OutboxStatus.QUEUED, OutboxStatus.FAILED], send_after__lt=retry_at
    ).update(send_after=retry_at)


def _send(store, token, rows, session, counts):
    """Send `rows` to `store` as one batch; on a rejection, split it to find the statements at fault."""
    statements = build_many([r.event for r in rows], actor_format=store.actor_format)
    try:
        post(store, statements, session)
    except Rejected as exc:
        if len(rows) == 1:
            logger.warning("xapi: %s refused statement %s: %s", store.name, rows[0].statement_id, exc)
            _mark(token, rows, status=OutboxStatus.FAILED, last_error=str(exc)[:2000], attempts=conf.max_attempts())
            counts["rejected"] += 1
            return
        half = len(rows) // 2
        _send(store, token, rows[:half], session, counts)
        _send(store, token, rows[half:], session, counts)
        return
    _mark(token, rows, status=OutboxStatus.SENT, sent_at=timezone.now(), last_error="")
    counts["sent"] += len(rows)


def send_claimed(token, rows, *, session=None, failed_lrs=None) -> dict:
    counts = {"sent": 0, "failed": 0, "rejected": 0}
    failed_lrs = failed_lrs if failed_lrs is not None else set()
    session = session or requests.Session()
    for name, group in groupby(rows, key=lambda r: r.lrs_name):
        group = list(group)
        store = get_store(name)
        if store is None:  # the LRS was removed from the configuration
            _mark(token, group, status=OutboxStatus.SKIPPED, last_error="LRS no longer configured")
            continue
        for start in range(0, len(group), conf.batch_size()):
            batch = group[start:start + conf.batch_size()]
            try:
                _send(store, token, batch, session, counts)
            except Transient as exc:
                logger.warning("xapi: %s could not take %s statements: %s", name, len(group) - start, exc)
                _back_off(token, name, group[start:], str(exc), timezone.now())
                counts["failed"] += len(group) - start
                failed_lrs.add(name)
                break
    return counts


def deliver(*, batch_size: int | None = None, time_budget: float = 240.0) -> dict:
    """Send what is ready, round after round, until nothing is left or the time budget is spent.
    Safe to run in several workers at once. An LRS that fails is left alone for the rest of the run."""
    limit = batch_size or conf.batch_size()
    totals = {"sent": 0, "failed": 0, "rejected": 0, "rounds": 0}
    failed_lrs: set[str] = set()
    started = time.monotonic()
    with requests.Session() as session:
        while time.monotonic() - started < time_budget:
            token, rows = claim(limit=limit, exclude_lrs=failed_lrs)
            if not rows:
                break
            counts = send_claimed(token, rows, session=session, failed_lrs=failed_lrs)
            totals["rounds"] += 1
            for key in ("sent", "failed", "rejected"):
                totals[key] += counts[key]
    if totals["rounds"]:
        logger.info("xapi: %(sent)s sent, %(failed)s to retry, %(rejected)s refused in %(rounds)s rounds", totals)
    return totals

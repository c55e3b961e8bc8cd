"""Housekeeping: old rule runs are deleted so that `RuleRun` does not grow for ever (one row per rule per
scheduled run: thousands a day).

A run is deleted when it is older than the retention period *and* is not among its rule's latest
`keep_per_rule` runs, so a rule that runs rarely still shows its history and its last run."""

import logging
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from . import conf
from .models import EnrolmentRule, RuleRun

logger = logging.getLogger(__name__)

BATCH_SIZE = 1000


def prune_rule_runs(*, now=None, days=None, keep=None, batch_size=BATCH_SIZE) -> int:
    """Delete the runs older than `days` days beyond each rule's latest `keep`; returns how many.

    Each rule is walked oldest first along its (rule, started_at) index, by keyset on (started_at, id), and
    each batch is one short DELETE of at most `batch_size` ids, so the job never holds a long transaction and
    can be stopped at any point. Idempotent: a second run finds nothing to delete."""
    now = now or timezone.now()
    days = conf.rule_run_retention_days() if days is None else days
    keep = max(1, conf.rule_run_keep_per_rule() if keep is None else keep)
    cutoff = now - timedelta(days=days)
    deleted = 0
    for rule_id in EnrolmentRule.objects.order_by("id").values_list("id", flat=True):
        deleted += _prune_rule(rule_id, cutoff=cutoff, keep=keep, batch_size=batch_size)
    logger.info("Pruned %d rule runs older than %s days (kept the latest %d per rule)", deleted, days, keep)
    return deleted


def _prune_rule(rule_id, *, cutoff, keep, batch_size) -> int:
    runs = RuleRun.objects.filter(rule_id=rule_id)
    # The oldest run to keep by count; nothing at or after it is deleted, whatever its age.
    kept = runs.order_by("-started_at", "-id").values_list("started_at", "id")[keep - 1:keep].first()
    if kept is None:
        return 0  # fewer runs than `keep`
    if kept[0] < cutoff:
        older = Q(started_at__lt=kept[0]) | Q(started_at=kept[0], id__lt=kept[1])
    else:
        older = Q(started_at__lt=cutoff)
    deleted, after = 0, None
    while True:
        batch = runs.filter(older)
        if after is not None:
            batch = batch.filter(Q(started_at__gt=after[0]) | Q(started_at=after[0], id__gt=after[1]))
        rows = list(batch.order_by("started_at", "id").values_list("started_at", "id")[:batch_size])
        if not rows:
            return deleted
        # Nothing cascades from a run: one DELETE … WHERE id IN (…) per batch.
        deleted += RuleRun.objects.filter(id__in=[pk for _started, pk in rows]).delete()[0]
        if len(rows) < batch_size:
            return deleted
        after = rows[-1]

"""Weekly digests: the machinery every weekly digest uses, and the team digest for each manager.

A digest is keyed by person and ISO week, and goes out on the policy's weekday or any later
day of the same week (in the person's time zone), so a missed sweep never skips a week."""

import logging
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import timezone

from courses.models import Enrolment, EnrolmentStatus
from guild.core.sweeps import batch_size as default_batch_size
from guild.notifications.models import OutboxMessage
from guild.notifications.services import queue_messages
from guild.notifications.tasks import enqueue_delivery
from guild.notifications.timing import local_date, send_time
from guild.people.models import Team
from guild.people.selectors import direct_reports

from .models import ReminderPolicy

logger = logging.getLogger(__name__)
User = get_user_model()


def _week(now, tz_name, policy):
    """The person's ISO week label when the digest is due this week, else None."""
    today = local_date(now, tz_name)
    if today.weekday() < policy.digest_weekday:
        return None
    year, week, _ = today.isocalendar()
    return f"{year}-W{week:02d}"


def team_digest_payload(*, manager, now) -> dict:
    members = direct_reports(manager=manager)
    since = now - timedelta(days=7)
    today = local_date(now, manager.timezone)
    stats = Enrolment.objects.filter(learner__in=members).aggregate(
        active=Count("pk", filter=Q(status=EnrolmentStatus.ACTIVE)),
        overdue=Count("pk", filter=Q(status=EnrolmentStatus.ACTIVE, due_date__lt=today)),
        completed=Count("pk", filter=Q(status=EnrolmentStatus.COMPLETED, completed_at__gte=since)),
    )
    overdue = list(
        Enrolment.objects.filter(learner__in=members, status=EnrolmentStatus.ACTIVE, due_date__lt=today)
        .order_by("due_date").values_list("learner__first_name", "learner__email", "course__title", "due_date")[:5]
    )
    return {
        "members": members.count(), **stats,
        "overdue_items": [[first or email, title, due.isoformat()] for first, email, title, due in overdue],
    }


def weekly_digest_sweep(people, *, kind, key_prefix, payload_for, keep, now=None, batch_size=None, enqueue=True) -> dict:
    """Queue one digest of `kind` per person of `people` (a queryset) and ISO week, on or after the
    policy's digest day in their time zone. `payload_for(person, now)` builds it; `keep(payload)`
    says whether it is worth sending. Used by every weekly digest (the authors' lives in sme)."""
    now = now or timezone.now()
    batch_size = batch_size or default_batch_size()
    policy = ReminderPolicy.get()
    counts = {"queued": 0, "batches": 0}
    last = 0
    while True:
        batch = list(people.filter(pk__gt=last).order_by("pk")[:batch_size])
        if not batch:
            break
        last = batch[-1].pk
        counts["batches"] += 1
        due = {p.pk: _week(now, p.timezone, policy) for p in batch}
        keys = {p.pk: f"{key_prefix}:{p.pk}:{due[p.pk]}" for p in batch if due[p.pk]}
        done = set(OutboxMessage.objects.filter(key__in=keys.values()).values_list("key", flat=True))
        messages = []
        for person in batch:
            key = keys.get(person.pk)
            if not key or key in done:
                continue
            try:
                payload = payload_for(person, now)
            except Exception:  # noqa: BLE001
                logger.exception("%s digest: skipped person %s", kind, person.pk)
                continue
            if keep(payload):
                messages.append(OutboxMessage(
                    key=key, recipient=person, kind=kind, payload=payload,
                    send_after=send_time(now, person.timezone, policy.send_from_hour, policy.send_until_hour),
                ))
        new = queue_messages(messages)
        counts["queued"] += len(new)
        if new and enqueue:
            enqueue_delivery()
    return counts




def sweep_team_digests(*, now=None, batch_size=None, enqueue=True) -> dict:
    """A weekly digest for each manager with people in their teams (policy: manager_digest)."""
    if not ReminderPolicy.get().manager_digest:
        return {"queued": 0, "batches": 0}
    managers = User.objects.filter(is_active=True, pk__in=Team.objects.filter(manager__isnull=False).values("manager_id"))
    counts = weekly_digest_sweep(
        managers, kind="digest.team", key_prefix="digest:team", now=now, batch_size=batch_size, enqueue=enqueue,
        payload_for=lambda m, t: team_digest_payload(manager=m, now=t), keep=lambda p: p["members"] > 0,
    )
    logger.info("team digest sweep: %s", counts)
    return counts

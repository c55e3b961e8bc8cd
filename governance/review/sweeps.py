"""Review SLAs: remind reviewers before a peer review is due and when it is late, and tell the
L&D admins (and the policy's shared mailbox) once a review is late by the policy's days.

Registered with the platform's sweeps (guild.core.sweeps); the timings are the reminder policy's."""

import logging
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from courses.automation.models import ReminderPolicy
from guild.core import sweeps
from guild.core.sweeps import batch_size as default_batch_size
from guild.notifications.models import OutboxMessage
from guild.notifications.services import queue_messages
from guild.notifications.tasks import enqueue_delivery
from guild.notifications.timing import send_time
from guild.people.roles import Role

from .models import ReviewAssignment, ReviewDecision
from .signoff import sweep_signoff

logger = logging.getLogger(__name__)


def _ld_admins():
    User = get_user_model()
    return list(User.objects.filter(groups__name=Role.LD_ADMIN, is_active=True).values_list("pk", "timezone"))


@sweeps.register("review.slas", order=30)
def sweep_review_slas(*, now=None, batch_size=None, enqueue=True) -> dict:
    now = now or timezone.now()
    batch_size = batch_size or default_batch_size()
    policy = ReminderPolicy.get()
    admins = None
    pending = ReviewAssignment.objects.filter(
        decision=ReviewDecision.PENDING, due_at__lte=now + timedelta(hours=policy.review_remind_hours)
    )
    fields = ("pk", "reviewer_id", "reviewer__timezone", "reviewer__first_name", "reviewer__email", "due_at",
              "course_id", "course__title")
    counts = {"queued": 0, "batches": 0}
    last = 0
    while True:
        rows = list(pending.filter(pk__gt=last).order_by("pk").values(*fields)[:batch_size])
        if not rows:
            break
        last = rows[-1]["pk"]
        counts["batches"] += 1
        messages = []
        for row in rows:
            aid, due_at = row["pk"], row["due_at"]
            payload = {"assignment": aid, "course": row["course_id"], "course_title": row["course__title"],
                       "due_at": due_at.isoformat()}
            at = send_time(now, row["reviewer__timezone"], policy.send_from_hour, policy.send_until_hour)
            if due_at > now:
                messages.append(OutboxMessage(key=f"review:due:{aid}", recipient_id=row["reviewer_id"],
                                              kind="review.reminder", payload=payload, send_after=at))
                continue
            messages.append(OutboxMessage(key=f"review:overdue:{aid}", recipient_id=row["reviewer_id"],
                                          kind="review.reminder", payload={**payload, "late": True}, send_after=at))
            if now - due_at >= timedelta(days=policy.review_escalate_days):
                admins = _ld_admins() if admins is None else admins
                late = {**payload, "reviewer_name": row["reviewer__first_name"] or row["reviewer__email"],
                        "days_late": (now - due_at).days}
                for admin_id, tz_name in admins:
                    messages.append(OutboxMessage(
                        key=f"review:escalation:{aid}:{admin_id}", recipient_id=admin_id, kind="review.escalation",
                        payload=late, send_after=send_time(now, tz_name, policy.send_from_hour, policy.send_until_hour),
                    ))
                if policy.escalation_email:
                    messages.append(OutboxMessage(key=f"review:escalation:{aid}:mailbox", to_email=policy.escalation_email,
                                                  kind="review.escalation", payload=late))
        new = queue_messages(messages)
        counts["queued"] += len(new)
        if new and enqueue:
            enqueue_delivery()
    logger.info("review SLA sweep: %(queued)s queued in %(batches)s batches", counts)
    return counts


@sweeps.register("review.signoff_slas", order=31)
def sweep_signoff_slas(*, now=None, batch_size=None, enqueue=True) -> dict:
    """L&D sign-offs past their due date: each L&D admin is reminded once (signoff.py)."""
    return sweep_signoff(now=now, batch_size=batch_size or default_batch_size(), enqueue=enqueue)

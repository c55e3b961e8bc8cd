"""Weekly digests: a team digest for each manager and a feedback digest for each author.

A digest is keyed by person and ISO week, and goes out on the policy's weekday or any later
day of the same week (in the person's time zone), so a missed sweep never skips a week."""

import logging
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Avg, Count, Q
from django.utils import timezone

from courses.models import (
    CourseAuthor,
    CourseRating,
    Enrolment,
    EnrolmentStatus,
    LessonReaction,
    ReactionKind,
)
from guild.notifications.models import OutboxMessage
from guild.notifications.services import queue_messages
from guild.people.models import Team
from guild.people.selectors import direct_reports

from . import conf
from .models import ReminderPolicy
from .timing import local_date, send_time

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


def author_digest_payload(*, author, now) -> dict:
    since = now - timedelta(days=7)
    course_ids = list(CourseAuthor.objects.filter(user=author).values_list("course_id", flat=True))
    reactions = dict(
        LessonReaction.objects.filter(course_id__in=course_ids, created_at__gte=since)
        .values_list("kind").annotate(n=Count("pk")).values_list("kind", "n")
    )
    ratings = CourseRating.objects.filter(course_id__in=course_ids, updated_at__gte=since).aggregate(
        n=Count("pk"), avg=Avg("stars")
    )
    return {
        "useful": reactions.get(ReactionKind.USEFUL, 0) + reactions.get(ReactionKind.LEARNED, 0),
        "outdated": reactions.get(ReactionKind.OUTDATED, 0),
        "questions": reactions.get(ReactionKind.QUESTION, 0),
        "unanswered": LessonReaction.objects.filter(course_id__in=course_ids, kind=ReactionKind.QUESTION, answer="").count(),
        "ratings": ratings["n"], "average": round(ratings["avg"] or 0, 1),
    }


def _sweep(people, *, kind, key_prefix, payload_for, keep, now, batch_size, policy, enqueue):
    from .services import enqueue_delivery

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


def sweep_digests(*, now=None, batch_size=None, enqueue=True) -> dict:
    now = now or timezone.now()
    batch_size = batch_size or conf.batch_size()
    policy = ReminderPolicy.get()
    result = {}
    if policy.manager_digest:
        managers = User.objects.filter(is_active=True, pk__in=Team.objects.filter(manager__isnull=False).values("manager_id"))
        result["team"] = _sweep(
            managers, kind="digest.team", key_prefix="digest:team", now=now, batch_size=batch_size, policy=policy,
            payload_for=lambda m, t: team_digest_payload(manager=m, now=t), keep=lambda p: p["members"] > 0,
            enqueue=enqueue,
        )
    if policy.author_digest:
        authors = User.objects.filter(is_active=True, pk__in=CourseAuthor.objects.values("user_id"))
        result["author"] = _sweep(
            authors, kind="digest.author", key_prefix="digest:author", now=now, batch_size=batch_size, policy=policy,
            payload_for=lambda a, t: author_digest_payload(author=a, now=t),
            keep=lambda p: any(p[k] for k in ("useful", "outdated", "questions", "ratings")), enqueue=enqueue,
        )
    logger.info("digest sweep: %s", result)
    return result

"""Badge evaluation: each kind of criterion is checked when the event that can meet it happens.

Awards are idempotent (one per person and badge, a database constraint). Event-count badges
are evaluated inside the award transaction, after the balance row lock, so concurrent events
for one person are counted in turn and a threshold is never missed or crossed twice."""

import datetime
import logging

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Enrolment, EnrolmentStatus, PathCourse
from guild.notifications.services import notify
from guild.skills.models import PersonSkill

from .models import (
    Badge,
    BadgeAward,
    Criterion,
    Period,
    PointsRollup,
    ReasonTally,
    RewardLedgerEntry,
    Track,
)

logger = logging.getLogger(__name__)


def grant_badge(*, person, badge, evidence="") -> BadgeAward | None:
    """Award `badge` to `person` and tell them. None when they already hold it."""
    try:
        with transaction.atomic():
            award = BadgeAward.objects.create(person=person, badge=badge, evidence=evidence[:255])
            notify(
                recipient=person, kind="rewards.badge", url=reverse("rewards:person", args=[person.pk]),
                title=lambda: _("You earned the badge “%(name)s”") % {"name": badge.name}, body=badge.description,
                dedupe_key=f"rewards.badge:{badge.pk}",
            )
    except IntegrityError:
        return None
    logger.info("rewards: badge %s awarded to person %s", badge.slug, person.pk)
    return award


def _unearned(person, **filters):
    return Badge.objects.filter(is_active=True, **filters).exclude(awards__person=person)


def evaluate_event_badges(entry: RewardLedgerEntry) -> list[BadgeAward]:
    awarded = []
    for badge in _unearned(entry.person, criterion=Criterion.EVENT_COUNT, reason=entry.reason):
        events = RewardLedgerEntry.objects.filter(person=entry.person_id, reason=entry.reason)
        if badge.period_days:
            events = events.filter(created_at__gt=entry.created_at - datetime.timedelta(days=badge.period_days))
        if events.count() >= badge.threshold:
            award = grant_badge(person=entry.person, badge=badge, evidence=entry.description)
            if award:
                awarded.append(award)
    return awarded


def evaluate_completion_badges(*, person, course) -> list[BadgeAward]:
    """Badges for completing `course`, or a path that `course` completes."""
    awarded = []
    for badge in _unearned(person, criterion=Criterion.COURSE, course=course):
        awarded.append(grant_badge(person=person, badge=badge, evidence=course.title))
    path_badges = list(_unearned(person, criterion=Criterion.PATH, path__path_courses__course=course).select_related("path"))
    for badge in path_badges:
        course_ids = set(PathCourse.objects.filter(path=badge.path_id).values_list("course_id", flat=True))
        done = Enrolment.objects.filter(
            learner=person, course_id__in=course_ids, status=EnrolmentStatus.COMPLETED
        ).count()
        if course_ids and done >= len(course_ids):
            awarded.append(grant_badge(person=person, badge=badge, evidence=badge.path.title))
    return [a for a in awarded if a]


def evaluate_skill_badges(*, person_skill) -> list[BadgeAward]:
    badges = _unearned(
        person_skill.person, criterion=Criterion.SKILL_LEVEL, skill=person_skill.skill_id, skill_level__lte=person_skill.level
    )
    evidence = f"{person_skill.skill} {person_skill.level}"
    return [a for a in (grant_badge(person=person_skill.person, badge=b, evidence=evidence) for b in badges) if a]


def award_top_contributor_badges(*, month: datetime.date) -> int:
    """Top-N contributors of `month` (by contributor points; ties broken by who joined first)."""
    awarded = 0
    for badge in Badge.objects.filter(is_active=True, criterion=Criterion.TOP_CONTRIBUTOR):
        top = (
            PointsRollup.objects.filter(track=Track.CONTRIBUTOR, period=Period.MONTH, period_start=month, points__gt=0)
            .select_related("person")
            .order_by("-points", "person_id")[: badge.threshold]
        )
        for row in top:
            if grant_badge(person=row.person, badge=badge, evidence=month.strftime("%Y-%m")):
                awarded += 1
    logger.info("rewards: %s top-contributor badges awarded for %s", awarded, month)
    return awarded


def _candidates(badge):
    """People who already meet `badge`'s criteria, as a queryset of person ids (None: not backfilled)."""
    if badge.criterion == Criterion.EVENT_COUNT and not badge.period_days:
        return ReasonTally.objects.filter(reason=badge.reason, count__gte=badge.threshold).values_list("person_id", flat=True)
    if badge.criterion == Criterion.EVENT_COUNT:
        since = timezone.now() - datetime.timedelta(days=badge.period_days)
        return (
            RewardLedgerEntry.objects.filter(reason=badge.reason, created_at__gt=since)
            .values("person_id").annotate(n=Count("id")).filter(n__gte=badge.threshold).values_list("person_id", flat=True)
        )
    if badge.criterion == Criterion.COURSE:
        return Enrolment.objects.filter(course=badge.course_id, status=EnrolmentStatus.COMPLETED).values_list("learner_id", flat=True)
    if badge.criterion == Criterion.PATH:
        course_ids = list(PathCourse.objects.filter(path=badge.path_id).values_list("course_id", flat=True))
        if not course_ids:
            return None
        return (
            Enrolment.objects.filter(course_id__in=course_ids, status=EnrolmentStatus.COMPLETED)
            .values("learner_id").annotate(n=Count("course_id", distinct=True)).filter(n__gte=len(course_ids))
            .values_list("learner_id", flat=True)
        )
    if badge.criterion == Criterion.SKILL_LEVEL:
        return PersonSkill.objects.filter(skill=badge.skill_id, level__gte=badge.skill_level).values_list("person_id", flat=True)
    return None  # top contributors: decided by the monthly task


def backfill_badge(*, badge, batch_size=500) -> int:
    """Award a new (or newly active) badge to everyone who already meets it, in id-ordered batches."""
    if not badge.is_active:
        return 0
    candidates = _candidates(badge)
    if candidates is None:
        return 0
    people = get_user_model().objects.filter(pk__in=candidates, is_active=True).exclude(badge_awards__badge=badge)
    awarded, last_id = 0, 0
    while True:
        batch = list(people.filter(pk__gt=last_id).order_by("pk")[:batch_size])
        if not batch:
            break
        last_id = batch[-1].pk
        awarded += sum(1 for person in batch if grant_badge(person=person, badge=badge, evidence=str(badge.criteria_text())))
    logger.info("rewards: backfilled badge %s to %s people", badge.slug, awarded)
    return awarded

"""Badge evaluation: each kind of criterion is checked when the event that can meet it happens.

Awards are idempotent (one per person and badge, a database constraint). Event-count badges
are evaluated inside the award transaction, after the balance row lock, so concurrent events
for one person are counted in turn and a threshold is never missed or crossed twice."""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from guild.notifications.services import notify

from .models import Badge, BadgeAward, Criterion, Period, PointsRollup, RewardLedgerEntry, Track

logger = logging.getLogger(__name__)


def grant_badge(*, person, badge, evidence="") -> BadgeAward | None:
    """Award `badge` to `person` and tell them. None when they already hold it."""
    try:
        with transaction.atomic():
            award = BadgeAward.objects.create(person=person, badge=badge, evidence=evidence[:255])
            notify(
                recipient=person, kind="rewards.badge", url=reverse("rewards:person", args=[person.pk]),
                title=_("You earned the badge “%(name)s”") % {"name": badge.name}, body=badge.description,
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
    from courses.models import Enrolment, EnrolmentStatus, PathCourse

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

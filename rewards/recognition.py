"""The monthly contributor summary: what each contributor did in a month, written once per
(month, person) and sent in-app to their manager, to them, and (as one digest) to L&D admins.

Safe to run again or after a crash: summaries are unique per month and person, and every
notification carries a dedupe key, so a re-run only completes what is missing."""

import datetime
import functools
import logging

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models import Enrolment, EnrolmentStatus
from guild.notifications.services import notify
from guild.people.roles import Role

from .models import MonthlySummary, Period, PointsRollup, Reason, RewardLedgerEntry, Track
from .selectors import month_bounds

logger = logging.getLogger(__name__)

FIELD_OF_REASON = {
    Reason.COURSE_PUBLISHED: "courses_published",
    Reason.REVIEW_COMPLETED: "reviews",
    Reason.QUESTION_ANSWERED: "answers",
    Reason.LESSON_USEFUL: "useful_marks",
    Reason.NEED_FULFILLED: "needs_fulfilled",
    Reason.KUDOS_RECEIVED: "kudos",
}


def _aware(day: datetime.date):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _summary_title(person, month) -> str:
    return _("%(name)s's contributions in %(month)s") % {"name": person.display_name, "month": date_format(month, "YEAR_MONTH_FORMAT")}


def summary_text(summary) -> str:
    parts = [
        ngettext("%(n)s course published", "%(n)s courses published", summary.courses_published),
        ngettext("%(n)s review", "%(n)s reviews", summary.reviews),
        ngettext("%(n)s question answered", "%(n)s questions answered", summary.answers),
        ngettext("%(n)s learner found a lesson useful", "%(n)s learners found a lesson useful", summary.useful_marks),
        ngettext("%(n)s learner completed their courses", "%(n)s learners completed their courses",
                 summary.learners_reached),
    ]
    counts = [summary.courses_published, summary.reviews, summary.answers, summary.useful_marks, summary.learners_reached]
    done = ", ".join(part % {"n": n} for part, n in zip(parts, counts, strict=True))
    points = ngettext("%(n)s point", "%(n)s points", summary.points) % {"n": summary.points}
    return _("%(done)s; %(points)s.") % {"done": done, "points": points}


def _learners_reached(person_ids, start, end):
    """Distinct learners who completed a course each contributor authored, in the month."""
    rows = (
        Enrolment.objects.filter(
            course__course_authors__user_id__in=person_ids, status=EnrolmentStatus.COMPLETED,
            completed_at__gte=start, completed_at__lt=end,
        )
        .values("course__course_authors__user_id")
        .annotate(n=Count("learner", distinct=True))
    )
    return {r["course__course_authors__user_id"]: r["n"] for r in rows}


def summarise_month(*, month: datetime.date, batch_size: int = 200) -> dict:
    first, next_first = month_bounds(month)
    start, end = _aware(first), _aware(next_first)
    url = reverse("rewards:recognition") + f"?month={first:%Y-%m}"
    written = notified = contributors = 0
    last_id = 0
    while True:
        ids = list(
            PointsRollup.objects.filter(
                track=Track.CONTRIBUTOR, period=Period.MONTH, period_start=first, points__gt=0, person_id__gt=last_id
            ).order_by("person_id").values_list("person_id", flat=True)[:batch_size]
        )
        if not ids:
            break
        last_id = ids[-1]
        tallies = {}
        for row in (
            RewardLedgerEntry.objects.filter(person_id__in=ids, track=Track.CONTRIBUTOR, created_at__gte=start, created_at__lt=end)
            .values("person_id", "reason").annotate(n=Count("id"), points=Sum("points"))
        ):
            tallies.setdefault(row["person_id"], {})[row["reason"]] = (row["n"], row["points"])
        reached = _learners_reached(ids, start, end)
        people = get_user_model().objects.filter(pk__in=ids).select_related("team", "team__manager")
        for person in people:
            by_reason = tallies.get(person.pk, {})
            values = {FIELD_OF_REASON[Reason(r)]: n for r, (n, _p) in by_reason.items() if Reason(r) in FIELD_OF_REASON}
            values["points"] = sum(p for _n, p in by_reason.values())
            values["learners_reached"] = reached.get(person.pk, 0)
            summary, created = MonthlySummary.objects.get_or_create(month=first, person=person, defaults=values)
            written += created
            contributors += 1
            title = functools.partial(_summary_title, person, first)
            body = functools.partial(summary_text, summary)
            profile = reverse("rewards:person", args=[person.pk])
            key = f"rewards.monthly:{first:%Y-%m}:{person.pk}"
            manager = person.manager
            for recipient in filter(None, [manager, person]):
                if notify(recipient=recipient, kind="rewards.monthly_summary", title=title, body=body, url=profile, dedupe_key=key):
                    notified += 1
    if contributors:
        admins = get_user_model().objects.filter(
            Q(groups__name=str(Role.LD_ADMIN)) | Q(is_superuser=True), is_active=True
        ).distinct()
        for admin in admins.iterator(chunk_size=200):
            if notify(
                recipient=admin, kind="rewards.monthly_digest", url=url, dedupe_key=f"rewards.monthly:{first:%Y-%m}:digest",
                title=lambda: _("Contributor recognition for %(month)s: %(n)s contributors") % {"month": date_format(first, "YEAR_MONTH_FORMAT"), "n": contributors},
            ):
                notified += 1
    logger.info("rewards: month %s: %s contributors, %s summaries written, %s notifications", first, contributors, written, notified)
    return {"contributors": contributors, "written": written, "notified": notified}

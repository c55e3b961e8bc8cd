"""Reads of the event-log rollups and the enrolment summary: a few small rows, whatever the number of
learning events, enrolments or people. `filters`: a governance.selectors.dashboard.Filters."""

from collections import defaultdict
from datetime import timedelta

from django.db.models import Sum

from courses.models import EnrolmentSource
from governance.models.rollups import (
    ActivePeople,
    CatalogueFigures,
    DailyActivity,
    EnrolmentSummary,
    RollupState,
)
from governance.selectors.definitions import VOLUNTARY_SOURCES
from governance.verbs import COURSE_COMPLETION, LEARNING_VERBS
from guild.people.models import User


def _activity(filters):
    qs = DailyActivity.objects.filter(day__gte=filters.start, day__lte=filters.end)
    if filters.team_ids is None:
        qs = qs.filter(team_id=DailyActivity.ALL_TEAMS)
    else:
        qs = qs.filter(team_id__in=filters.team_ids)
    return list(qs.values("day", "verb").annotate(n=Sum("events")).order_by("day"))


def active_people(*, start, end, team_ids=None):
    """Distinct active learners, authors and reviewers from `start` to `end` (dates), from the per-team
    counts kept for each dashboard period and the one before it (people with an active account)."""
    qs = ActivePeople.objects.filter(starts_on=start, ends_on=end)
    if team_ids is not None:
        qs = qs.filter(team_id__in=team_ids)
    totals = qs.aggregate(learners=Sum("learners"), authors=Sum("authors"), reviewers=Sum("reviewers"))
    return {key: value or 0 for key, value in totals.items()}


def _weekly(activity, filters, verbs):
    """Per-week totals of `verbs` from the daily rows, oldest week first."""
    start = filters.start
    weeks = (filters.end - start).days // 7 + 1
    totals = [0] * weeks
    for row in activity:
        if row["verb"] in verbs:
            totals[min((row["day"] - start).days // 7, weeks - 1)] += row["n"]
    labels = [(start + timedelta(days=7 * i)).strftime("%d %b") for i in range(weeks)]
    return labels, totals


def rollup_figures(filters):
    """Everything the dashboard reads from the event-log rollups, in two queries: events per verb, weekly
    learning events and completions, and the active learners, authors and reviewers."""
    activity = _activity(filters)
    verb_totals = defaultdict(int)
    for row in activity:
        verb_totals[row["verb"]] += row["n"]
    labels, weekly = _weekly(activity, filters, {*LEARNING_VERBS, COURSE_COMPLETION})
    _labels, completions = _weekly(activity, filters, {COURSE_COMPLETION})
    return {"verbs": verb_totals, "weeks": labels, "weekly_events": weekly, "weekly_completions": completions,
            "actors": active_people(start=filters.start, end=filters.end, team_ids=filters.team_ids)}


def headcount(filters):
    """Active accounts in the filtered teams (the whole organisation: every active account). One query."""
    qs = User.objects.filter(is_active=True)
    if filters.team_ids is not None:
        qs = qs.filter(team_id__in=filters.team_ids)
    return qs.count()


def enrolment_totals(filters):
    """Enrolments made in the period, from the periodic summary (one query over a few rows per team)."""
    qs = EnrolmentSummary.objects.filter(starts_on=filters.start, ends_on=filters.end)
    if filters.team_ids is not None:
        qs = qs.filter(team_id__in=filters.team_ids)
    totals = defaultdict(int)
    seconds = 0.0
    for row in qs.values("source").annotate(n=Sum("enrolments"), done=Sum("completed"), over=Sum("overdue"),
                                            secs=Sum("completion_seconds"), minutes=Sum("learning_minutes")):
        kind = "voluntary" if row["source"] in VOLUNTARY_SOURCES else "assigned"
        totals["total"] += row["n"]
        totals[kind] += row["n"]
        totals["completed"] += row["done"]
        totals[f"completed_{kind}"] += row["done"]
        totals["overdue"] += row["over"]
        totals["learning_minutes"] += row["minutes"]
        if row["source"] == EnrolmentSource.RULE:
            totals["by_rule"] += row["n"]
        seconds += row["secs"]
    totals["time_to_complete"] = timedelta(seconds=seconds / totals["completed"]) if totals["completed"] else None
    return totals


def catalogue_figures():
    """Live courses, those with an internal author, and their distinct authors, as last summarised."""
    row = CatalogueFigures.objects.first()
    return {"total": row.live_courses if row else 0, "internal": row.internal_courses if row else 0,
            "authors": row.authors if row else 0}


def summary_refreshed_at():
    """When the enrolment figures were last recomputed (None: never yet)."""
    return (RollupState.objects.filter(name=RollupState.ENROLMENT_SUMMARY)
            .values_list("updated_at", flat=True).first())

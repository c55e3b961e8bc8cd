"""Reads for the mission, roadmap, committees and maturity pages, and the budget the dashboard sums."""

import calendar
from datetime import date
from decimal import Decimal

from django.db.models import Count, Max
from django.utils import timezone

from governance.maturity import DIMENSIONS, LEVELS
from governance.models.committees import ActionItem, ActionStatus, Committee
from governance.models.maturity import MaturityAssessment
from governance.models.roadmap import Initiative, InitiativeStatus, Mission, Pillar

CENTS = Decimal("0.01")


def current_mission():
    return Mission.objects.first()


def roadmap():
    """Initiatives with what they link to, and the months the timeline spans. Fixed queries."""
    initiatives = list(
        Initiative.objects.select_related("goal", "owner")
        .prefetch_related("courses", "paths", "needs", "kpis")
        .order_by("pillar", "starts_on", "title")
    )
    if initiatives:
        first = min(i.starts_on for i in initiatives)
        last = max(i.ends_on for i in initiatives)
    else:
        today = timezone.localdate()
        first, last = today.replace(month=1, day=1), today.replace(month=12, day=31)
    months = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        months.append(date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    index = {(d.year, d.month): n for n, d in enumerate(months)}
    for i in initiatives:
        # CSS grid columns: column 1 holds the title, months start at column 2.
        i.col_start = index[(i.starts_on.year, i.starts_on.month)] + 2
        i.col_end = index[(i.ends_on.year, i.ends_on.month)] + 3
    return initiatives, months


def today_marker(months, *, today=None):
    """Where today falls on the timeline: {"day", "column" (CSS grid column of its month), "offset"
    (percent into the month)}, or None when the timeline does not span today."""
    today = today or timezone.localdate()
    for n, first in enumerate(months):
        if (first.year, first.month) == (today.year, today.month):
            days = calendar.monthrange(today.year, today.month)[1]
            return {"day": today, "column": n + 2, "offset": round(100 * (today.day - 0.5) / days, 1)}
    return None


def budget_in_scope(*, start, end, team_ids=None):
    """Budget planned and spent per pillar that belongs to the scope, each initiative's amounts prorated
    to its days inside [start, end] (spending taken as spread evenly over its dates), exact.

    Scope: the whole organisation (`team_ids` None) counts every initiative, organisation-wide or a
    team's; a team (`team_ids`: it and its sub-teams) counts only the initiatives whose budget is one of
    theirs, never a share of an organisation-wide budget. Cancelled initiatives count nowhere. One query."""
    qs = Initiative.objects.exclude(status=InitiativeStatus.CANCELLED).filter(starts_on__lte=end, ends_on__gte=start)
    if team_ids is not None:
        qs = qs.filter(team_id__in=team_ids)
    per_pillar = {}
    for initiative in qs.only("pillar", "starts_on", "ends_on", "budget_planned", "budget_spent").order_by("pk"):
        row = per_pillar.setdefault(initiative.pillar, {"pillar": initiative.pillar, "planned": Decimal(0),
                                                        "spent": Decimal(0)})
        row["planned"] += initiative.share_of(initiative.budget_planned, start=start, end=end)
        row["spent"] += initiative.share_of(initiative.budget_spent, start=start, end=end)
    # Kept exact: figures computed from them (budget used, cost per hour) must not compound the cents'
    # rounding of each pillar; whoever shows an amount rounds it.
    return [per_pillar[p] for p in Pillar.values if p in per_pillar]


def committees():
    return Committee.objects.select_related("chair").annotate(
        meeting_count=Count("meetings"), last_meeting=Max("meetings__held_on"),
    ).prefetch_related("members")


def overdue_actions(*, limit=10):
    return (ActionItem.objects.filter(status=ActionStatus.OPEN, due_on__lt=timezone.localdate())
            .select_related("owner", "meeting__committee").order_by("due_on")[:limit])


def maturity_history():
    """Assessments newest first, with their ratings, and the radar series for the latest two."""
    assessments = list(MaturityAssessment.objects.select_related("assessed_by").prefetch_related("ratings")[:10])
    for a in assessments:
        a.by_dimension = {r.dimension: r for r in a.ratings.all()}
    return assessments


def comparison(assessments):
    """Rows per dimension: the latest rating, the previous one, the change, the next step."""
    latest = assessments[0] if assessments else None
    previous = assessments[1] if len(assessments) > 1 else None
    rows = []
    for d in DIMENSIONS:
        now = latest.by_dimension.get(d.key) if latest else None
        before = previous.by_dimension.get(d.key) if previous else None
        rows.append({
            "dimension": d, "now": now, "before": before,
            "level_name": LEVELS.get(now.level) if now else None,
            "change": (now.level - before.level) if now and before else None,
        })
    return rows

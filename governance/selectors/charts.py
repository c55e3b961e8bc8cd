"""The figures behind each chart, drawn with governance.charts (inline SVG with a data table)."""

from collections import defaultdict
from urllib.parse import urlencode

from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils.translation import gettext as _

from governance import charts, figures
from governance.heatmap import Cell, Heatmap
from governance.maturity import DIMENSIONS
from governance.models.roadmap import Pillar
from governance.models.rollups import DailyActivity
from governance.verbs import COURSE_COMPLETION
from guild.people.models import Team
from guild.skills.models import Skill


def _pct(part, whole):
    return round(100 * part / whole) if whole else None


def activity_chart(rollups):
    """Learning events and completions per week; `rollups`: from rollup_figures."""
    return charts.line_chart(
        key="activity", title=_("Learning activity per week"),
        desc=_("Learning events and course completions per week over the period."),
        labels=rollups["weeks"], series=[rollups["weekly_events"], rollups["weekly_completions"]],
        series_names=[_("Learning events"), _("Completions")],
        x_label=_("Week starting"), y_label=_("Events per week"),
    )


def spend_chart(spend_rows):
    """Budget planned and spent per pillar; `spend_rows`: from budget_by_pillar."""
    pillar_names = dict(Pillar.choices)
    return charts.bar_chart(
        key="spend", title=_("Budget planned and spent by pillar"),
        desc=_("Budget of the initiatives running in the period, planned against spent, per mission pillar."),
        labels=[str(pillar_names.get(r["pillar"], r["pillar"])) for r in spend_rows],
        series=[[float(r["planned"] or 0) for r in spend_rows], [float(r["spent"] or 0) for r in spend_rows]],
        series_names=[_("Planned"), _("Spent")], kind=figures.MONEY,
    )


def enrolments_chart(enrol):
    """Voluntary and assigned enrolments and completions; `enrol`: from enrolment_totals."""
    return charts.bar_chart(
        key="enrolments", title=_("Voluntary and assigned enrolments"),
        desc=_("Enrolments in the period by how they were made, and how many were completed."),
        labels=[_("Voluntary"), _("Assigned, rules, cohorts")],
        series=[[enrol["voluntary"], enrol["assigned"]], [enrol["completed_voluntary"], enrol["completed_assigned"]]],
        series_names=[_("Enrolments"), _("Completed")],
    )


def readiness_chart(rows):
    """The team x skill heatmap of people who hold the level their role requires, each cell linking to
    those people; `rows`: from governance.selectors.skills.coverage(by_team=True). Two queries."""
    team_ids = sorted({t for t, *_rest in rows if t is not None})
    skill_ids = sorted({s for _team, s, *_rest in rows})
    teams = {pk: (name, slug) for pk, name, slug in Team.objects.filter(pk__in=team_ids).values_list("pk", "name", "slug")}
    skills = {pk: (name, slug) for pk, name, slug in Skill.objects.filter(pk__in=skill_ids).values_list("pk", "name", "slug")}
    counts = {(t, s): (required, met) for t, s, required, met in rows}
    team_order = sorted((t for t in team_ids if t in teams), key=lambda t: teams[t][0])
    skill_order = sorted((s for s in skill_ids if s in skills), key=lambda s: skills[s][0])
    base = reverse("governance:readiness_people")

    def cell(t, s):
        required, met = counts.get((t, s), (0, 0))
        if not required:
            return Cell(None)
        query = urlencode({"team": teams[t][1], "skill": skills[s][1]})
        return Cell(_pct(met, required), required, met, f"{base}?{query}")

    return Heatmap(
        key="readiness", title=_("Readiness: skill coverage by team"),
        desc=_("Share of people in each team who hold each skill at the level their role requires."),
        columns=[skills[s][0] for s in skill_order],
        grid=[(teams[t][0], [cell(t, s) for s in skill_order]) for t in team_order],
    )


def _subtrees(team_ids):
    """{team id: ids of the team and its sub-teams} in one query (teams are few; paths nest)."""
    paths = dict(Team.objects.values_list("pk", "path"))
    return {t: [other for other, path in paths.items() if path.startswith(paths[t])] for t in team_ids if t in paths}


def _months(since, until):
    """"YYYY-MM" of every month from `since`'s to `until`'s."""
    out, y, m = [], since.year, since.month
    while (y, m) <= (until.year, until.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def business_beside_training(dash):
    """For each business series, the courses its team and sub-teams (or the whole organisation)
    completed in the same months, up to the current month: the two side by side."""
    if not dash.business:
        return []
    since = min(day for series in dash.business for day, _v in series["points"])
    months = _months(since, dash.filters.end)
    subtrees = _subtrees({s["team_id"] for s in dash.business if s["team_id"] is not None})
    wanted = {DailyActivity.ALL_TEAMS}.union(*subtrees.values())
    completions = defaultdict(int)
    rows = (DailyActivity.objects.filter(team_id__in=wanted, verb=COURSE_COMPLETION, day__gte=since)
            .annotate(month=TruncMonth("day")).values("team_id", "month").annotate(n=Sum("events")).order_by())
    for row in rows:
        completions[(row["team_id"], row["month"].strftime("%Y-%m"))] += row["n"]
    out = []
    for series in dash.business:
        # The month's last value; a month without one shows a gap, not a made-up figure.
        last_value = {day.strftime("%Y-%m"): float(value) for day, value in series["points"]}
        team_id = series["team_id"]
        teams = [DailyActivity.ALL_TEAMS] if team_id is None else subtrees.get(team_id, [team_id])
        per_month = [sum(completions[(t, month)] for t in teams) for month in months]
        out.append(charts.line_chart(
            key=f"business-{series['kpi'].slug}-{team_id or 'all'}",
            title=f"{series['name']} · {series['team']}",
            desc=_("The business metric by month (left axis) beside the number of courses the team and its "
                   "sub-teams completed that month (right axis), up to this month."),
            labels=months, series=[[last_value.get(m) for m in months], per_month],
            series_names=[series["name"], _("Course completions")], own_scale=True,
            x_label=_("Month"), y_label=str(series["name"]), y2_label=_("Course completions"),
        ))
    return out


def kpi_chart(kpi):
    """One KPI's values over time, a line per team. One query."""
    values = list(kpi.values.select_related("team").order_by("team__name", "date"))
    series = {}
    for v in values:
        series.setdefault(v.team.name if v.team else _("Whole organisation"), {})[v.date] = float(v.value)
    dates = sorted({v.date for v in values})
    return charts.line_chart(
        key="kpi", title=kpi.name, desc=_("Values of %(kpi)s over time, per team.") % {"kpi": kpi.name},
        labels=[d.isoformat() for d in dates], series=[[s.get(d) for d in dates] for s in series.values()],
        series_names=list(series.keys()), x_label=_("Date"), y_label=kpi.unit or kpi.name,
    )


def maturity_radar(assessments):
    """The latest two assessments on a radar; None before the first. `assessments`: maturity_history()."""
    if not assessments:
        return None
    series, names = [], []
    for a in assessments[:2]:
        series.append([a.by_dimension[d.key].level if d.key in a.by_dimension else 0 for d in DIMENSIONS])
        names.append(_("Assessment of %(date)s") % {"date": a.assessed_on.isoformat()})
    return charts.radar_chart(
        key="maturity", title=_("L&D maturity by dimension"),
        desc=_("Level 1 (Reactive) to 5 (Transformative) on each of the seven dimensions; the dashed line is the previous assessment."),
        axes=[str(d.name) for d in DIMENSIONS], series=series, series_names=names,
    )

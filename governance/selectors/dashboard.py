"""The L&D dashboard: every figure comes from rollups and denormalised tables in a fixed number of
queries, whatever the number of learning events, enrolments or people."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db.models import Avg, Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from courses.models import (
    CourseRating,
    EnrolmentSource,
    LessonReaction,
    ReactionKind,
)
from governance.models.kpis import KPIDefinition, KPITier, KPIValue
from governance.models.roadmap import Initiative, InitiativeStatus, Pillar
from governance.models.rollups import (
    ActivePeople,
    CatalogueFigures,
    DailyActivity,
    EnrolmentSummary,
)
from guild.events.models import Verb
from guild.people.models import Team
from guild.skills.models import Skill

from .. import charts
from ..services.rollups import LEARNING_VERBS, PERIOD_DAYS, period_start, summary_refreshed_at
from .skills import coverage

_PERIOD_LABELS = {30: _("Last 30 days"), 90: _("Last 90 days"), 365: _("Last 12 months")}
PERIODS = {days: _PERIOD_LABELS[days] for days in PERIOD_DAYS}  # the periods the enrolment summary keeps
DEFAULT_PERIOD = 90
VOLUNTARY_SOURCES = (EnrolmentSource.SELF,)  # every other source is an assignment (manager, rule, cohort...)


@dataclass
class Filters:
    team: Team | None = None
    period: int = DEFAULT_PERIOD
    team_ids: list | None = None  # the team and its sub-teams; None: the whole organisation

    @property
    def start(self):
        return period_start(self.period)

    @property
    def start_at(self):
        """The start of the period's first day, in the site's time zone (an index-friendly bound)."""
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def end(self):
        return timezone.localdate()


def parse_filters(params):
    """Filters from a query string; unknown values fall back to the defaults."""
    try:
        period = int(params.get("period", DEFAULT_PERIOD))
    except (TypeError, ValueError):
        period = DEFAULT_PERIOD
    if period not in PERIODS:
        period = DEFAULT_PERIOD
    filters = Filters(period=period)
    slug = params.get("team") or ""
    if slug:
        team = Team.objects.filter(slug=slug).first()
        if team is not None:
            filters.team = team
            filters.team_ids = list(team.subtree().values_list("pk", flat=True))
    return filters


def _pct(part, whole):
    return round(100 * part / whole) if whole else None


def _ratio(part, whole, digits=2):
    return round(part / whole, digits) if whole else None


METRIC_LABELS = {
    "budget_planned": _("Budget planned"), "budget_spent": _("Budget spent"), "budget_used_pct": _("Budget used (%)"),
    "learning_hours": _("Learning hours"), "cost_per_learning_hour": _("Cost per learning hour"),
    "active_learners": _("Active learners"), "enrolments": _("Enrolments"),
    "voluntary_enrolments": _("Voluntary enrolments"), "assigned_enrolments": _("Assigned enrolments"),
    "rule_enrolments": _("Enrolments made by rules"), "completions": _("Completions"),
    "completion_rate_pct": _("Completion rate (%)"), "voluntary_completion_rate_pct": _("Completion rate, voluntary (%)"),
    "assigned_completion_rate_pct": _("Completion rate, assigned (%)"), "days_to_complete": _("Days to complete"),
    "overdue": _("Overdue enrolments"), "average_rating": _("Average rating (out of 5)"), "ratings": _("Ratings"),
    "relevant_to_job_pct": _("Relevant to my job (%)"), "reactions_useful": _("“Useful” reactions"),
    "reactions_learned": _("“I learned something” reactions"), "reactions_outdated": _("“Outdated” reactions"),
    "reactions_question": _("Questions on lessons"), "live_courses": _("Live courses"),
    "internally_authored_pct": _("Written by internal experts (%)"), "authors_of_live_courses": _("Authors of live courses"),
    "active_authors": _("Active authors"), "active_reviewers": _("Active reviewers"),
    "reviews_done": _("Reviews done"), "review_lead_time_days": _("Review lead time (days)"), "review_sla_breaches": _("Review SLA breaches"),
    "questions": _("Questions"), "comments": _("Comments"), "answers": _("Answers"),
    "questions_per_learner": _("Questions per active learner"), "comments_per_learner": _("Comments per active learner"),
    "answer_rate_pct": _("Answer rate (%)"), "lesson_questions_answered": _("Lesson questions answered"),
}
SECTIONS = (
    ("spend", _("Spend")), ("engagement", _("Engagement")), ("relevance", _("Relevance")),
    ("sme", _("SME contribution")), ("conversation", _("Conversation")),
)


@dataclass
class Dashboard:
    filters: Filters
    spend: dict = field(default_factory=dict)
    engagement: dict = field(default_factory=dict)
    relevance: dict = field(default_factory=dict)
    sme: dict = field(default_factory=dict)
    conversation: dict = field(default_factory=dict)
    business: list = field(default_factory=list)
    kpis: list = field(default_factory=list)
    charts: dict = field(default_factory=dict)
    review_available: bool = False
    enrolments_as_of: object = None  # when the enrolment summary was computed; None: not yet

    def sections(self):
        """[(section title, [(label, value), ...]), ...] for the templates."""
        out = []
        for key, title in SECTIONS:
            data = getattr(self, key)
            out.append((key, title, [(METRIC_LABELS.get(k, k), _display(v)) for k, v in data.items()]))
        return out

    def export_rows(self):
        """(section, metric, value) rows for CSV/XLSX export, with raw numbers."""
        rows = []
        for key, _title in SECTIONS:
            for k, value in getattr(self, key).items():
                rows.append((key, str(METRIC_LABELS.get(k, k)), "" if value is None else value))
        for series in self.business:
            for day, value in series["points"]:
                rows.append(("business", f"{series['name']} ({series['team']})", f"{day.isoformat()}: {value}"))
        chart = self.charts.get("readiness")
        if chart is not None:
            for row in chart.rows:
                for col, value in zip(chart.headers[1:], row[1:], strict=False):
                    rows.append(("readiness", f"{row[0]} · {col}", value))
        return rows


def _display(value):
    """Money and other decimals as whole, grouped numbers in the tiles (the exports keep the raw value)."""
    if isinstance(value, Decimal):
        return number_format(value, decimal_pos=0, force_grouping=True)
    return value


def _activity(filters):
    qs = DailyActivity.objects.filter(day__gte=filters.start, day__lte=filters.end)
    if filters.team_ids is None:
        qs = qs.filter(team_id=DailyActivity.ALL_TEAMS)
    else:
        qs = qs.filter(team_id__in=filters.team_ids)
    return list(qs.values("day", "verb").annotate(n=Sum("events")).order_by("day"))


def _actors(filters):
    """Distinct active learners, authors and reviewers in the period, from the per-team counts."""
    qs = ActivePeople.objects.filter(period_days=filters.period)
    if filters.team_ids is not None:
        qs = qs.filter(team_id__in=filters.team_ids)
    totals = qs.aggregate(learners=Sum("learners"), authors=Sum("authors"), reviewers=Sum("reviewers"))
    return {key: value or 0 for key, value in totals.items()}


def _enrolments(filters):
    """Enrolments made in the period, from the periodic summary (one query over a few rows per team)."""
    qs = EnrolmentSummary.objects.filter(period_days=filters.period)
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


REACTION_KINDS = tuple(ReactionKind.values)


def _ratings(filters):
    ratings = CourseRating.objects.filter(created_at__gte=filters.start_at)
    reactions = LessonReaction.objects.filter(created_at__gte=filters.start_at)
    if filters.team_ids is not None:
        ratings = ratings.filter(learner__team_id__in=filters.team_ids)
        reactions = reactions.filter(learner__team_id__in=filters.team_ids)
    r = ratings.aggregate(avg=Avg("stars"), count=Count("id"), relevant_yes=Count("id", filter=Q(relevant=True)),
                          relevant_count=Count("id", filter=Q(relevant__isnull=False)))
    counts = reactions.aggregate(
        answered=Count("id", filter=Q(kind="question") & ~Q(answer="")),
        **{kind: Count("id", filter=Q(kind=kind)) for kind in REACTION_KINDS},
    )
    answered = counts.pop("answered")
    return r, counts, answered


def _spend(filters):
    qs = Initiative.objects.exclude(status=InitiativeStatus.CANCELLED).filter(
        starts_on__lte=filters.end, ends_on__gte=filters.start
    )
    return list(qs.values("pillar").annotate(planned=Sum("budget_planned"), spent=Sum("budget_spent")))


def _sme():
    """Live courses, those with an internal author, and their distinct authors, as last summarised."""
    row = CatalogueFigures.objects.first()
    return {"total": row.live_courses if row else 0, "internal": row.internal_courses if row else 0,
            "authors": row.authors if row else 0}


def review_metrics(filters=None):
    """Review lead time and SLA breaches, read from the peer-review app's assignments. One query.

    Returns None when the review app has no assignment model (so the page says "not available yet")."""
    try:
        from governance.review.models import ReviewAssignment
    except ImportError:
        return None
    now = timezone.now()
    qs = ReviewAssignment.objects.all()
    if filters is not None:
        qs = qs.filter(assigned_at__gte=filters.start_at)
        if filters.team_ids is not None:
            qs = qs.filter(reviewer__team_id__in=filters.team_ids)
    done = Q(completed_at__isnull=False)
    row = qs.aggregate(
        reviews=Count("id", filter=done),
        lead_time=Avg(F("completed_at") - F("assigned_at"), filter=done),
        late_done=Count("id", filter=done & Q(completed_at__gt=F("due_at"))),
        late_open=Count("id", filter=Q(completed_at__isnull=True, due_at__lt=now)),
    )
    return {
        "reviews_done": row["reviews"],
        "lead_time_days": round(row["lead_time"].total_seconds() / 86400, 1) if row["lead_time"] else None,
        "sla_breaches": row["late_done"] + row["late_open"],
    }


def _business(filters):
    qs = KPIValue.objects.filter(kpi__tier=KPITier.BUSINESS, date__gte=filters.start - timedelta(days=365))
    if filters.team_ids is not None:
        qs = qs.filter(team_id__in=filters.team_ids)
    series = defaultdict(list)
    for v in qs.select_related("kpi", "team").order_by("kpi__name", "team__name", "date"):
        series[(v.kpi, v.team)].append((v.date, float(v.value)))
    return [{"kpi": kpi, "name": kpi.name, "team": team.name if team else _("Whole organisation"),
             "team_id": team.pk if team else None, "points": points} for (kpi, team), points in series.items()]


def kpi_overview():
    """Each KPI definition with its latest organisation-wide value against its target. One query."""
    latest = KPIValue.objects.filter(kpi=OuterRef("pk"), team__isnull=True).order_by("-date")
    kpis = KPIDefinition.objects.annotate(
        latest_value=Subquery(latest.values("value")[:1]), latest_date=Subquery(latest.values("date")[:1]),
        points=Count("values"),
    )
    out = []
    for kpi in kpis:
        on_track = None
        if kpi.latest_value is not None and kpi.target is not None:
            on_track = kpi.latest_value >= kpi.target if kpi.higher_is_better else kpi.latest_value <= kpi.target
        out.append({"kpi": kpi, "value": kpi.latest_value, "date": kpi.latest_date, "on_track": on_track})
    return out


def _readiness(filters):
    rows = coverage(by_team=True, team_ids=filters.team_ids)
    team_ids = sorted({t for t, *_ in rows if t is not None})
    skill_ids = sorted({s for _, s, *_ in rows})
    teams = dict(Team.objects.filter(pk__in=team_ids).values_list("pk", "name"))
    skills = dict(Skill.objects.filter(pk__in=skill_ids).values_list("pk", "name"))
    cell = {(t, s): _pct(met, required) for t, s, required, met in rows}
    team_order = sorted(team_ids, key=lambda t: teams.get(t, ""))
    skill_order = sorted(skill_ids, key=lambda s: skills.get(s, ""))
    return charts.heatmap(
        key="readiness", title=str(_("Readiness: skill coverage by team")),
        desc=str(_("Share of people in each team who hold each skill at the level their role requires.")),
        row_labels=[teams.get(t, "?") for t in team_order], col_labels=[skills.get(s, "?") for s in skill_order],
        cells=[[cell.get((t, s)) for s in skill_order] for t in team_order],
    )


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
    labels, weekly = _weekly(activity, filters, set(LEARNING_VERBS))
    _labels, completions = _weekly(activity, filters, {Verb.COMPLETED})
    return {"verbs": verb_totals, "weeks": labels, "weekly_events": weekly, "weekly_completions": completions,
            "actors": _actors(filters)}


def dashboard(filters):
    d = Dashboard(filters=filters)
    rollups = rollup_figures(filters)
    verb_totals, actors = rollups["verbs"], rollups["actors"]
    enrol = _enrolments(filters)
    ratings, kinds, answered_questions = _ratings(filters)
    spend_rows = _spend(filters)
    sme = _sme()
    d.enrolments_as_of = summary_refreshed_at()

    planned = sum((r["planned"] or 0 for r in spend_rows), Decimal(0))
    spent = sum((r["spent"] or 0 for r in spend_rows), Decimal(0))
    hours = (enrol["learning_minutes"] or 0) / 60
    d.spend = {"budget_planned": planned, "budget_spent": spent, "budget_used_pct": _pct(spent, planned),
               "learning_hours": round(hours, 1), "cost_per_learning_hour": round(spent / Decimal(hours), 2) if hours else None}
    ttc = enrol["time_to_complete"]
    d.engagement = {
        "active_learners": actors["learners"], "enrolments": enrol["total"], "voluntary_enrolments": enrol["voluntary"],
        "assigned_enrolments": enrol["assigned"], "rule_enrolments": enrol["by_rule"],
        "completions": enrol["completed"], "completion_rate_pct": _pct(enrol["completed"], enrol["total"]),
        "voluntary_completion_rate_pct": _pct(enrol["completed_voluntary"], enrol["voluntary"]),
        "assigned_completion_rate_pct": _pct(enrol["completed_assigned"], enrol["assigned"]),
        "days_to_complete": round(ttc.total_seconds() / 86400, 1) if ttc else None, "overdue": enrol["overdue"],
    }
    d.relevance = {
        "average_rating": round(ratings["avg"], 1) if ratings["avg"] else None, "ratings": ratings["count"],
        "relevant_to_job_pct": _pct(ratings["relevant_yes"], ratings["relevant_count"]),
        **{f"reactions_{k}": kinds.get(k, 0) for k in REACTION_KINDS},
    }
    review = review_metrics(filters)
    d.review_available = review is not None
    d.sme = {"live_courses": sme["total"], "internally_authored_pct": _pct(sme["internal"], sme["total"]),
             "authors_of_live_courses": sme["authors"], "active_authors": actors["authors"],
             "active_reviewers": actors["reviewers"]}
    if review is not None:
        d.sme["reviews_done"] = review["reviews_done"]
        d.sme["review_lead_time_days"] = review["lead_time_days"]
        d.sme["review_sla_breaches"] = review["sla_breaches"]
    asked = verb_totals[Verb.ASKED]
    d.conversation = {
        "questions": asked, "comments": verb_totals[Verb.COMMENTED], "answers": verb_totals[Verb.ANSWERED],
        "questions_per_learner": _ratio(asked, actors["learners"]),
        "comments_per_learner": _ratio(verb_totals[Verb.COMMENTED], actors["learners"]),
        "answer_rate_pct": _pct(min(verb_totals[Verb.ANSWERED], asked), asked),
        "lesson_questions_answered": answered_questions,
    }
    d.business = _business(filters)
    d.kpis = kpi_overview()

    d.charts["activity"] = charts.line_chart(
        key="activity", title=str(_("Learning activity per week")),
        desc=str(_("Learning events and course completions per week over the period.")),
        labels=rollups["weeks"], series=[rollups["weekly_events"], rollups["weekly_completions"]],
        series_names=[str(_("Learning events")), str(_("Completions"))],
    )
    pillar_names = dict(Pillar.choices)
    d.charts["spend"] = charts.bar_chart(
        key="spend", title=str(_("Budget planned and spent by pillar")),
        desc=str(_("Budget of the initiatives running in the period, planned against spent, per mission pillar.")),
        labels=[str(pillar_names.get(r["pillar"], r["pillar"])) for r in spend_rows],
        series=[[float(r["planned"] or 0) for r in spend_rows], [float(r["spent"] or 0) for r in spend_rows]],
        series_names=[str(_("Planned")), str(_("Spent"))],
    )
    d.charts["enrolments"] = charts.bar_chart(
        key="enrolments", title=str(_("Voluntary and assigned enrolments")),
        desc=str(_("Enrolments in the period by how they were made, and how many were completed.")),
        labels=[str(_("Voluntary")), str(_("Assigned, rules, cohorts"))],
        series=[[enrol["voluntary"], enrol["assigned"]], [enrol["completed_voluntary"], enrol["completed_assigned"]]],
        series_names=[str(_("Enrolments")), str(_("Completed"))],
    )
    d.charts["readiness"] = _readiness(filters)
    return d


def _subtrees(team_ids):
    """{team id: ids of the team and its sub-teams} in one query (teams are few; paths nest)."""
    paths = dict(Team.objects.values_list("pk", "path"))
    return {t: [other for other, path in paths.items() if path.startswith(paths[t])] for t in team_ids if t in paths}


def business_beside_training(dash):
    """For each business series, the completions of its team and sub-teams (or of the whole
    organisation) in the same months: the two side by side."""
    if not dash.business:
        return []
    since = min(day for series in dash.business for day, _v in series["points"])
    subtrees = _subtrees({s["team_id"] for s in dash.business if s["team_id"] is not None})
    wanted = {DailyActivity.ALL_TEAMS}.union(*subtrees.values())
    completions = defaultdict(int)
    rows = (DailyActivity.objects.filter(team_id__in=wanted, verb=Verb.COMPLETED, day__gte=since)
            .annotate(month=TruncMonth("day")).values("team_id", "month").annotate(n=Sum("events")).order_by())
    for row in rows:
        completions[(row["team_id"], row["month"].strftime("%Y-%m"))] += row["n"]
    out = []
    for series in dash.business:
        months = sorted({day.strftime("%Y-%m") for day, _v in series["points"]})
        last_value = {day.strftime("%Y-%m"): value for day, value in series["points"]}
        team_id = series["team_id"]
        teams = [DailyActivity.ALL_TEAMS] if team_id is None else subtrees.get(team_id, [team_id])
        per_month = [sum(completions[(t, month)] for t in teams) for month in months]
        out.append(charts.line_chart(
            key=f"business-{series['kpi'].slug}-{team_id or 'all'}",
            title=f"{series['name']} · {series['team']}",
            desc=str(_("The business metric by month beside the number of courses the team and its sub-teams "
                        "completed that month; each line is drawn against its own maximum.")),
            labels=months, series=[[last_value[m] for m in months], per_month],
            series_names=[series["name"], str(_("Course completions"))], own_scale=True,
        ))
    return out

"""The L&D dashboard: every figure comes from rollups and denormalised tables in a fixed number of
queries, whatever the number of learning events, enrolments or people."""

from dataclasses import dataclass, field
from datetime import datetime, time
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from governance.periods import PERIOD_DAYS, period_start
from governance.selectors.charts import (
    activity_chart,
    enrolments_chart,
    readiness_chart,
    spend_chart,
)
from governance.selectors.kpis import business_series, kpi_overview
from governance.selectors.ratings import REACTION_KINDS, ratings_and_reactions
from governance.selectors.reviews import review_metrics
from governance.selectors.roadmap import budget_by_pillar
from governance.selectors.rollups import (
    catalogue_figures,
    enrolment_totals,
    rollup_figures,
    summary_refreshed_at,
)
from guild.events.models import Verb
from guild.people.models import Team

_PERIOD_LABELS = {30: _("Last 30 days"), 90: _("Last 90 days"), 365: _("Last 12 months")}
PERIODS = {days: _PERIOD_LABELS[days] for days in PERIOD_DAYS}  # the periods the enrolment summary keeps
DEFAULT_PERIOD = 90


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


def team_choices():
    """(slug, name, depth) of every team, in tree order, for the team filter. One query."""
    return Team.objects.order_by("path").values_list("slug", "name", "depth")


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


def dashboard(filters):
    d = Dashboard(filters=filters)
    rollups = rollup_figures(filters)
    verb_totals, actors = rollups["verbs"], rollups["actors"]
    enrol = enrolment_totals(filters)
    ratings, kinds, answered_questions = ratings_and_reactions(filters)
    spend_rows = budget_by_pillar(start=filters.start, end=filters.end)
    sme = catalogue_figures()
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
    d.sme = {"live_courses": sme["total"], "internally_authored_pct": _pct(sme["internal"], sme["total"]),
             "authors_of_live_courses": sme["authors"], "active_authors": actors["authors"],
             "active_reviewers": actors["reviewers"], "reviews_done": review["reviews_done"],
             "review_lead_time_days": review["lead_time_days"], "review_sla_breaches": review["sla_breaches"]}
    asked = verb_totals[Verb.ASKED]
    d.conversation = {
        "questions": asked, "comments": verb_totals[Verb.COMMENTED], "answers": verb_totals[Verb.ANSWERED],
        "questions_per_learner": _ratio(asked, actors["learners"]),
        "comments_per_learner": _ratio(verb_totals[Verb.COMMENTED], actors["learners"]),
        "answer_rate_pct": _pct(min(verb_totals[Verb.ANSWERED], asked), asked),
        "lesson_questions_answered": answered_questions,
    }
    d.business = business_series(filters)
    d.kpis = kpi_overview()
    d.charts["activity"] = activity_chart(rollups)
    d.charts["spend"] = spend_chart(spend_rows)
    d.charts["enrolments"] = enrolments_chart(enrol)
    d.charts["readiness"] = readiness_chart(filters)
    return d

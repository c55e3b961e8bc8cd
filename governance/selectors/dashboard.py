"""The L&D dashboard: every figure comes from rollups and denormalised tables in a fixed number of
queries, whatever the number of learning events, enrolments or people.

dashboard() is the one place each figure is computed; the dashboard page, the executive summary, the
CSV/XLSX exports, the reporting API and KPIs bound to a figure all read it. What each figure counts
is written in governance.figures."""

from dataclasses import dataclass, field
from decimal import Decimal

from governance import figures as fig
from governance.formatting import export_value, format_figure
from governance.selectors.charts import (
    activity_chart,
    enrolments_chart,
    readiness_chart,
    spend_chart,
)
from governance.selectors.filters import (  # noqa: F401 - the dashboard's public names
    DEFAULT_PERIOD,
    PERIODS,
    BadFilter,
    Filters,
    parse_filters,
    team_choices,
)
from governance.selectors.kpis import business_series, kpi_overview
from governance.selectors.ratings import REACTION_KINDS, ratings_and_reactions
from governance.selectors.reviews import review_metrics
from governance.selectors.roadmap import budget_in_scope
from governance.selectors.rollups import (
    catalogue_figures,
    enrolment_totals,
    headcount,
    rollup_figures,
    summary_refreshed_at,
)
from governance.selectors.skills import coverage
from governance.verbs import COURSE_COMPLETION
from guild.events.models import Verb

METRIC_LABELS = {key: figure.label for key, figure in fig.FIGURES.items()}


def _pct(part, whole):
    return round(100 * part / whole, 1) if whole else None


def _ratio(part, whole, digits=2):
    return round(part / whole, digits) if whole else None


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

    def figure(self, key):
        """The raw value of the figure `key` (governance.figures)."""
        for section, _title, _figures in fig.SECTIONS:
            values = getattr(self, section)
            if key in values:
                return values[key]
        raise KeyError(key)

    def sections(self):
        """[(section key, title, [(label, written value, Figure), ...]), ...] for the templates."""
        return [(key, title, [(f.label, format_figure(getattr(self, key)[f.key], f.kind), f)
                              for f in figures if f.key in getattr(self, key)])
                for key, title, figures in fig.SECTIONS]

    def export_rows(self):
        """(section, metric, value) rows for CSV/XLSX export and the API, with raw (rounded) numbers."""
        rows = []
        for key, _title, figures in fig.SECTIONS:
            values = getattr(self, key)
            rows.extend((key, str(f.label), export_value(values[f.key], f.kind)) for f in figures if f.key in values)
        for series in self.business:
            for day, value in series["points"]:
                rows.append(("business", f"{series['name']} ({series['team']})",
                             f"{day.isoformat()}: {format_figure(value, unit=series['kpi'].unit)}"))
        chart = self.charts.get("readiness")
        if chart is not None:
            for row in chart.rows:
                for col, value in zip(chart.headers[1:], row[1:], strict=False):
                    rows.append(("readiness", f"{row[0]} · {col}", value))
        return rows


def _spend(spend_rows, hours):
    planned = sum((r["planned"] for r in spend_rows), Decimal(0))
    spent = sum((r["spent"] for r in spend_rows), Decimal(0))
    return {"budget_planned": planned, "budget_spent": spent, "budget_used_pct": _pct(spent, planned),
            "learning_hours": round(hours, 1),
            "cost_per_learning_hour": (spent / Decimal(str(hours))).quantize(Decimal("0.01")) if hours else None}


def dashboard(filters):
    """Every dashboard figure for `filters` (team and period); see governance.figures for each one."""
    d = Dashboard(filters=filters)
    rollups = rollup_figures(filters)
    verb_totals, actors = rollups["verbs"], rollups["actors"]
    enrol = enrolment_totals(filters)
    ratings, kinds, answered_questions = ratings_and_reactions(filters)
    spend_rows = budget_in_scope(start=filters.start, end=filters.end, team_ids=filters.team_ids)
    sme = catalogue_figures()
    people = headcount(filters)
    readiness_rows = coverage(by_team=True, team_ids=filters.team_ids)
    d.enrolments_as_of = summary_refreshed_at()

    d.spend = _spend(spend_rows, (enrol["learning_minutes"] or 0) / 60)
    ttc = enrol["time_to_complete"]
    d.engagement = {
        "active_learners": actors["learners"], "people": people,
        "active_learner_share_pct": _pct(actors["learners"], people),
        "enrolments": enrol["total"], "voluntary_enrolments": enrol["voluntary"],
        "assigned_enrolments": enrol["assigned"], "rule_enrolments": enrol["by_rule"],
        "completions": verb_totals[COURSE_COMPLETION], "completion_rate_pct": _pct(enrol["completed"], enrol["total"]),
        "voluntary_completion_rate_pct": _pct(enrol["completed_voluntary"], enrol["voluntary"]),
        "assigned_completion_rate_pct": _pct(enrol["completed_assigned"], enrol["assigned"]),
        "days_to_complete": round(ttc.total_seconds() / 86400, 1) if ttc else None, "overdue": enrol["overdue"],
    }
    required = sum(row[2] for row in readiness_rows)
    d.relevance = {
        "average_rating": round(ratings["avg"], 1) if ratings["avg"] else None, "ratings": ratings["count"],
        "relevant_to_job_pct": _pct(ratings["relevant_yes"], ratings["relevant_count"]),
        **{f"reactions_{k}": kinds.get(k, 0) for k in REACTION_KINDS},
        "skill_coverage_pct": _pct(sum(row[3] for row in readiness_rows), required),
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
    d.kpis = kpi_overview(dash=d)
    d.charts["activity"] = activity_chart(rollups)
    d.charts["spend"] = spend_chart(spend_rows)
    d.charts["enrolments"] = enrolments_chart(enrol)
    d.charts["readiness"] = readiness_chart(readiness_rows)
    return d

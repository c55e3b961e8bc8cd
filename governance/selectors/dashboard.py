"""The L&D dashboard: every figure comes from rollups and denormalised tables in a fixed number of
queries, whatever the number of learning events, enrolments or people.

dashboard() is the one place each figure is computed; the dashboard page, the executive summary, the
CSV/XLSX exports, the reporting API and KPIs bound to a figure all read it. What each figure counts
is written in governance.figures."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from governance import figures as fig
from governance.formatting import export_value, format_change, format_figure
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
from governance.selectors.roadmap import CENTS, budget_in_scope
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


@dataclass(frozen=True)
class Trend:
    """A figure beside its value for the previous period of the same length."""

    previous: str  # the previous period's value, written
    change: str  # written, signed ("+12", "−3.5 pts")
    direction: str  # "up", "down", "same" or "" (no comparison)


@dataclass(frozen=True)
class FigureRow:
    """One figure as the exports and the API carry it: raw numbers ("" or None: no value)."""

    key: str
    section: str
    metric: str  # the figure's label, in the active language
    value: object
    previous: object  # None: no previous value (a snapshot figure, or none in the previous period)
    change: object  # the value minus the previous one (percentages: in points); None when either is missing
    as_of_today: bool  # a snapshot figure: how things stand now, no history kept


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
    previous_filters: Filters | None = None  # the period of the same length before filters'
    previous: dict = field(default_factory=dict)  # {figure key: raw value in the previous period}

    def figure(self, key):
        """The raw value of the figure `key` (governance.figures)."""
        for section, _title, _figures in fig.SECTIONS:
            values = getattr(self, section)
            if key in values:
                return values[key]
        raise KeyError(key)

    def change(self, key):
        """The figure `key` now minus its value in the previous period; None when either is missing
        (a snapshot figure has no previous value)."""
        now, before = self.figure(key), self.previous.get(key)
        if now is None or before is None:
            return None
        return Decimal(str(now)) - Decimal(str(before))

    def trend(self, key):
        """The figure's Trend (its previous value and change, written), or None for a snapshot figure."""
        figure = fig.FIGURES[key]
        if figure.snapshot:
            return None
        change = self.change(key)
        direction = "" if change is None else "up" if change > 0 else "down" if change < 0 else "same"
        return Trend(previous=format_figure(self.previous.get(key), figure.kind),
                     change=format_change(change, figure.kind), direction=direction)

    def sections(self):
        """[(section key, title, [(label, written value, Figure, Trend or None), ...]), ...] for the templates."""
        return [(key, title, [(f.label, format_figure(getattr(self, key)[f.key], f.kind), f, self.trend(f.key))
                              for f in figures if f.key in getattr(self, key)])
                for key, title, figures in fig.SECTIONS]

    def figure_rows(self):
        """Each figure with its previous-period value and change, raw (rounded like the page), for the
        exports and the API: [FigureRow, ...] in the page's order. A snapshot figure (as of today) has
        no previous value and no change."""
        rows = []
        for key, _title, figures in fig.SECTIONS:
            values = getattr(self, key)
            for f in figures:
                if f.key not in values:
                    continue
                change = None if f.snapshot else self.change(f.key)
                rows.append(FigureRow(
                    key=f.key, section=key, metric=str(f.label), value=export_value(values[f.key], f.kind),
                    previous=None if f.snapshot else export_value(self.previous.get(f.key), f.kind),
                    change=None if change is None else export_value(change, f.kind), as_of_today=f.snapshot))
        return rows

    def compared_with(self):
        """The previous period in words, for the exports' last column."""
        before = self.previous_filters
        return _("previous %(days)s days (%(start)s to %(end)s)") % {
            "days": before.period, "start": before.start.isoformat(), "end": before.end.isoformat()}

    def other_rows(self):
        """(section, metric, value, as of today) of what the exports carry besides the figures: the business
        series (dated points, no previous period) and the readiness grid (as of today)."""
        rows = []
        for series in self.business:
            for day, value in series["points"]:
                rows.append(("business", f"{series['name']} ({series['team']})",
                             f"{day.isoformat()}: {format_figure(value, unit=series['kpi'].unit)}", False))
        chart = self.charts.get("readiness")
        if chart is not None:
            for row in chart.rows:
                for col, value in zip(chart.headers[1:], row[1:], strict=False):
                    rows.append(("readiness", f"{row[0]} · {col}", value, True))
        return rows

    def export_rows(self):
        """(section, metric, value, previous, change, compared with) rows for CSV/XLSX export, with raw
        (rounded) numbers: each figure, then the business series and the readiness grid."""
        versus, today = self.compared_with(), _("as of today")
        rows = [(r.section, r.metric, r.value, "" if r.previous is None else r.previous,
                 "" if r.change is None else r.change, today if r.as_of_today else versus)
                for r in self.figure_rows()]
        rows += [(section, metric, value, "", "", today if as_of_today else "")
                 for section, metric, value, as_of_today in self.other_rows()]
        return rows


def _spend(spend_rows, hours):
    planned = sum((r["planned"] for r in spend_rows), Decimal(0))
    spent = sum((r["spent"] for r in spend_rows), Decimal(0))
    return {"budget_planned": planned.quantize(CENTS), "budget_spent": spent.quantize(CENTS),
            "budget_used_pct": _pct(spent, planned), "learning_hours": round(hours, 1),
            "cost_per_learning_hour": (spent / Decimal(str(hours))).quantize(Decimal("0.01")) if hours else None}


def _period_figures(filters, *, people, catalogue, readiness_rows):
    """The figures of every section for `filters`' period: {section: {figure key: value}}, and what the
    charts read (rollups, enrolments, spend). `people`, `catalogue`, `readiness_rows`: the snapshot
    figures, read once for both periods."""
    rollups = rollup_figures(filters)
    verb_totals, actors = rollups["verbs"], rollups["actors"]
    enrol = enrolment_totals(filters)
    ratings, kinds, answered_questions = ratings_and_reactions(filters)
    spend_rows = budget_in_scope(start=filters.start, end=filters.end, team_ids=filters.team_ids)
    ttc = enrol["time_to_complete"]
    required = sum(row[2] for row in readiness_rows)
    review = review_metrics(filters)
    asked = verb_totals[Verb.ASKED]
    sections = {
        "spend": _spend(spend_rows, (enrol["learning_minutes"] or 0) / 60),
        "engagement": {
            "active_learners": actors["learners"], "people": people,
            "active_learner_share_pct": _pct(actors["learners"], people),
            "enrolments": enrol["total"], "voluntary_enrolments": enrol["voluntary"],
            "assigned_enrolments": enrol["assigned"], "rule_enrolments": enrol["by_rule"],
            "completions": verb_totals[COURSE_COMPLETION],
            "completion_rate_pct": _pct(enrol["completed"], enrol["total"]),
            "voluntary_completion_rate_pct": _pct(enrol["completed_voluntary"], enrol["voluntary"]),
            "assigned_completion_rate_pct": _pct(enrol["completed_assigned"], enrol["assigned"]),
            "days_to_complete": None if ttc is None else round(ttc.total_seconds() / 86400, 1), "overdue": enrol["overdue"],
        },
        "relevance": {
            "average_rating": round(ratings["avg"], 1) if ratings["avg"] else None, "ratings": ratings["count"],
            "relevant_to_job_pct": _pct(ratings["relevant_yes"], ratings["relevant_count"]),
            **{f"reactions_{k}": kinds.get(k, 0) for k in REACTION_KINDS},
            "skill_coverage_pct": _pct(sum(row[3] for row in readiness_rows), required),
        },
        "sme": {"live_courses": catalogue["total"], "internally_authored_pct": _pct(catalogue["internal"], catalogue["total"]),
                "authors_of_live_courses": catalogue["authors"], "active_authors": actors["authors"],
                "active_reviewers": actors["reviewers"], "reviews_done": review["reviews_done"],
                "review_lead_time_days": review["lead_time_days"], "review_sla_breaches": review["sla_breaches"]},
        "conversation": {
            "questions": asked, "comments": verb_totals[Verb.COMMENTED], "answers": verb_totals[Verb.ANSWERED],
            "questions_per_learner": _ratio(asked, actors["learners"]),
            "comments_per_learner": _ratio(verb_totals[Verb.COMMENTED], actors["learners"]),
            "answer_rate_pct": _pct(min(verb_totals[Verb.ANSWERED], asked), asked),
            "lesson_questions_answered": answered_questions,
        },
    }
    return sections, rollups, enrol, spend_rows


def dashboard(filters):
    """Every dashboard figure for `filters` (team and period), and each one's value for the period of the
    same length before it (d.previous), by the same computation; see governance.figures for each one."""
    d = Dashboard(filters=filters, previous_filters=filters.previous())
    snapshot = {"people": headcount(filters), "catalogue": catalogue_figures(),
                "readiness_rows": coverage(by_team=True, team_ids=filters.team_ids)}
    d.enrolments_as_of = summary_refreshed_at()
    sections, rollups, enrol, spend_rows = _period_figures(filters, **snapshot)
    for key, values in sections.items():
        setattr(d, key, values)
    before, _rollups, _enrol, _spend_rows = _period_figures(d.previous_filters, **snapshot)
    d.previous = {key: value for values in before.values() for key, value in values.items()
                  if not fig.FIGURES[key].snapshot}
    d.business = business_series(filters)
    d.kpis = kpi_overview(dash=d)
    d.charts["activity"] = activity_chart(rollups)
    d.charts["spend"] = spend_chart(spend_rows)
    d.charts["enrolments"] = enrolments_chart(enrol)
    d.charts["readiness"] = readiness_chart(snapshot["readiness_rows"])
    return d

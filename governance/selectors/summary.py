"""The executive summary's one screen: a headline sentence, a few figures with their change, the
roadmap's status and the overdue committee actions. Every figure comes from the dashboard
(governance.selectors.dashboard), so the summary and the dashboard never disagree."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, Count, IntegerField, Q, Sum, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from governance import figures as fig
from governance.formatting import format_figure
from governance.models.committees import ActionItem, ActionStatus
from governance.models.roadmap import Initiative, InitiativeStatus

# The figures an executive reads first (5 to 7), in this order.
HEADLINE_FIGURES = ("active_learner_share_pct", "completions", "completion_rate_pct", "overdue",
                    "learning_hours", "cost_per_learning_hour", "relevant_to_job_pct")


@dataclass(frozen=True)
class Headline:
    figure: fig.Figure
    value: str  # written
    trend: object  # governance.selectors.dashboard.Trend, or None


def headline_figures(dash):
    return [Headline(fig.FIGURES[key], format_figure(dash.figure(key), fig.FIGURES[key].kind), dash.trend(key))
            for key in HEADLINE_FIGURES]


def headline_sentence(dash):
    """One sentence that says how learning went in the period, from the dashboard's figures."""
    e = dash.engagement
    learners, before = e["active_learners"], dash.previous.get("active_learners")
    days = dash.filters.period
    text = ngettext("In the last %(days)d days, %(n)s person learned on Guild",
                    "In the last %(days)d days, %(n)s people learned on Guild", learners) % {
        "days": days, "n": format_figure(learners)}
    if before is not None and before != learners:
        text += " " + (_("(%(before)s the %(days)d days before)") % {"before": format_figure(before), "days": days})
    text += ngettext(" and completed %(n)s course", " and completed %(n)s courses", e["completions"]) % {
        "n": format_figure(e["completions"])}
    if e["overdue"]:
        text += "; " + ngettext("%(n)s enrolment is overdue.", "%(n)s enrolments are overdue.", e["overdue"]) % {
            "n": format_figure(e["overdue"])}
    else:
        text += "; " + _("no enrolment is overdue.")
    return text


@dataclass(frozen=True)
class RoadmapStatus:
    total: int
    by_status: list  # [(label, count)] of the statuses some initiative has, in the workflow's order
    late: int  # in progress past their end date
    planned: str  # written, with the currency
    spent: str


def roadmap_status(*, today=None):
    """How the roadmap stands: initiatives per status, how many run late, the budget. One query."""
    today = today or timezone.localdate()
    counts = Initiative.objects.aggregate(
        total=Count("id"), late=Count("id", filter=Q(status=InitiativeStatus.IN_PROGRESS, ends_on__lt=today)),
        budget_planned=Sum("budget_planned", filter=~Q(status=InitiativeStatus.CANCELLED)),
        budget_spent=Sum("budget_spent", filter=~Q(status=InitiativeStatus.CANCELLED)),
        **{f"n_{status}": Count("id", filter=Q(status=status)) for status in InitiativeStatus.values},
    )
    return RoadmapStatus(
        total=counts["total"], late=counts["late"],
        by_status=[(label, counts[f"n_{value}"]) for value, label in InitiativeStatus.choices if counts[f"n_{value}"]],
        planned=format_figure(counts["budget_planned"] or Decimal(0), fig.MONEY),
        spent=format_figure(counts["budget_spent"] or Decimal(0), fig.MONEY),
    )


def overdue_actions_for(user, *, limit=8):
    """Open committee actions past their due date, the reader's own first, then the oldest."""
    return list(
        ActionItem.objects.filter(status=ActionStatus.OPEN, due_on__lt=timezone.localdate())
        .annotate(mine=Case(When(owner_id=user.pk, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .select_related("owner", "meeting__committee").order_by("mine", "due_on", "pk")[:limit]
    )

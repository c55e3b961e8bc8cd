"""KPI reads: each KPI against its target, and the business series shown beside the training."""

from collections import defaultdict
from datetime import timedelta

from django.db.models import Count, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from governance.figures import FIGURES
from governance.models.kpis import KPIDefinition, KPITier, KPIValue
from governance.selectors.filters import Filters


def kpi_overview(*, dash=None, filters=None):
    """Each KPI with its value against its target, its previous value and the change. One query.

    A KPI bound to a platform figure takes that figure, its previous-period value and the change from
    `dash` (the dashboard of the page's team and period, so the table and the tiles beside it agree; a
    figure of how things stand now has no previous value: `as_of_today`). A hand-entered KPI takes its
    latest organisation-wide value, and as its previous value the latest one dated before the period
    (`filters`' or `dash`'s; the default period otherwise): the value as it stood when the previous
    period of the same length ended. Each row says which (`computed`, and `figure` for a computed one)."""
    filters = dash.filters if dash is not None else (filters or Filters())
    org_wide = KPIValue.objects.filter(kpi=OuterRef("pk"), team__isnull=True).order_by("-date")
    before = org_wide.filter(date__lt=filters.start)
    kpis = KPIDefinition.objects.annotate(
        latest_value=Subquery(org_wide.values("value")[:1]), latest_date=Subquery(org_wide.values("date")[:1]),
        previous_value=Subquery(before.values("value")[:1]), previous_date=Subquery(before.values("date")[:1]),
        points=Count("values"),
    )
    out = []
    for kpi in kpis:
        figure = FIGURES.get(kpi.source) if kpi.is_computed else None
        as_of_today = bool(figure and figure.snapshot)
        if kpi.is_computed:
            known = dash is not None and figure is not None
            value = dash.figure(kpi.source) if known else None
            day = dash.filters.end if dash is not None else None
            previous = dash.previous.get(kpi.source) if known else None
            previous_day = dash.previous_filters.end if known and not as_of_today else None
            change = dash.change(kpi.source) if known else None
        else:
            value, day = kpi.latest_value, kpi.latest_date
            previous, previous_day = kpi.previous_value, kpi.previous_date
            change = value - previous if value is not None and previous is not None else None
        on_track = None
        if value is not None and kpi.target is not None:
            on_track = value >= kpi.target if kpi.higher_is_better else value <= kpi.target
        out.append({"kpi": kpi, "value": value, "date": day, "on_track": on_track, "computed": kpi.is_computed,
                    "figure": figure, "kind": figure.kind if figure else None, "previous": previous,
                    "previous_date": previous_day, "change": change, "as_of_today": as_of_today,
                    "period": filters.period})
    return out


def business_series(filters):
    """Every hand-entered business KPI series of the filtered teams, from a year before the period. One query."""
    qs = KPIValue.objects.filter(kpi__tier=KPITier.BUSINESS, kpi__source=KPIDefinition.MANUAL,
                                 date__gte=filters.start - timedelta(days=365))
    if filters.team_ids is not None:
        qs = qs.filter(team_id__in=filters.team_ids)
    series = defaultdict(list)
    for v in qs.select_related("kpi", "team").order_by("kpi__name", "team__name", "date"):
        series[(v.kpi, v.team)].append((v.date, v.value))
    return [{"kpi": kpi, "name": kpi.name, "team": team.name if team else _("Whole organisation"),
             "team_id": team.pk if team else None, "points": points} for (kpi, team), points in series.items()]

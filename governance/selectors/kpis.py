"""KPI reads: each KPI against its target, and the business series shown beside the training."""

from collections import defaultdict
from datetime import timedelta

from django.db.models import Count, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from governance.figures import FIGURES
from governance.models.kpis import KPIDefinition, KPITier, KPIValue


def kpi_overview(*, dash=None):
    """Each KPI with its value against its target. One query.

    A KPI bound to a platform figure takes that figure from `dash` (the dashboard of the page's team and
    period, so the table and the tiles beside it agree); a hand-entered KPI takes its latest
    organisation-wide value. Each row says which (`computed`, and `figure` for a computed one)."""
    latest = KPIValue.objects.filter(kpi=OuterRef("pk"), team__isnull=True).order_by("-date")
    kpis = KPIDefinition.objects.annotate(
        latest_value=Subquery(latest.values("value")[:1]), latest_date=Subquery(latest.values("date")[:1]),
        points=Count("values"),
    )
    out = []
    for kpi in kpis:
        figure = FIGURES.get(kpi.source) if kpi.is_computed else None
        if kpi.is_computed:
            value = dash.figure(kpi.source) if dash is not None and figure is not None else None
            day = dash.filters.end if dash is not None else None
        else:
            value, day = kpi.latest_value, kpi.latest_date
        on_track = None
        if value is not None and kpi.target is not None:
            on_track = value >= kpi.target if kpi.higher_is_better else value <= kpi.target
        out.append({"kpi": kpi, "value": value, "date": day, "on_track": on_track, "computed": kpi.is_computed,
                    "figure": figure, "kind": figure.kind if figure else None})
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

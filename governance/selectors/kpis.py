"""KPI reads: each KPI against its target, and the business series shown beside the training."""

from collections import defaultdict
from datetime import timedelta

from django.db.models import Count, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from governance.models.kpis import KPIDefinition, KPITier, KPIValue


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


def business_series(filters):
    """Every business KPI series of the filtered teams, from a year before the period. One query."""
    qs = KPIValue.objects.filter(kpi__tier=KPITier.BUSINESS, date__gte=filters.start - timedelta(days=365))
    if filters.team_ids is not None:
        qs = qs.filter(team_id__in=filters.team_ids)
    series = defaultdict(list)
    for v in qs.select_related("kpi", "team").order_by("kpi__name", "team__name", "date"):
        series[(v.kpi, v.team)].append((v.date, float(v.value)))
    return [{"kpi": kpi, "name": kpi.name, "team": team.name if team else _("Whole organisation"),
             "team_id": team.pk if team else None, "points": points} for (kpi, team), points in series.items()]

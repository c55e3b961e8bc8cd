"""Read-only reporting endpoints for L&D admins and executives: KPIs with their series, the needs
priority list with its score breakdown, and the dashboard figures.

Each handler reads from the read replica when there is one (guild.core.replica); DRF has
authenticated the caller and checked permissions on the primary before the handler runs."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_serializer,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from governance.figures import COUNT
from governance.formatting import export_value
from governance.models.kpis import KPIDefinition
from governance.selectors.dashboard import BadFilter, dashboard, parse_filters
from governance.selectors.filters import PERIODS
from governance.selectors.kpis import kpi_overview
from governance.selectors.needs import priority_list, ranking_key
from guild.core.pagination import RankedListCursorPagination
from guild.core.replica import reporting_reads
from guild.people.api_filters import NO_NUL
from guild.people.api_permissions import IsLDAdminOrExecutiveReadOnly


class KPIValueSerializer(serializers.Serializer):
    date = serializers.DateField()
    team = serializers.CharField(source="team.slug", allow_null=True, default=None)
    value = serializers.DecimalField(max_digits=14, decimal_places=2)


class KPICurrentSerializer(serializers.Serializer):
    value = serializers.CharField(allow_null=True, help_text="A computed KPI: its figure for the period (and team) "
                                  "asked; a hand-entered one: its latest organisation-wide value.")
    date = serializers.DateField(allow_null=True, help_text="The period's last day, or the latest value's date.")
    previous = serializers.CharField(allow_null=True, help_text="A computed KPI: its figure for the previous period "
                                     "of the same length; a hand-entered one: its latest organisation-wide value "
                                     "dated before the period. Null when there is none, or as_of_today.")
    previous_date = serializers.DateField(allow_null=True, help_text="The previous period's last day, or the "
                                          "previous value's date.")
    change = serializers.CharField(allow_null=True, help_text="value minus previous (a percentage's change is in "
                                   "percentage points); null when either is missing.")
    as_of_today = serializers.BooleanField(help_text="Bound to a figure of how things stand now: no previous value.")
    on_track = serializers.BooleanField(allow_null=True, help_text="Against the target; null without a target or value.")


def _kpi_number(value, kind):
    return None if value is None else str(export_value(value, kind or COUNT))


class KPISerializer(serializers.ModelSerializer):
    values = KPIValueSerializer(many=True, read_only=True)
    source = serializers.CharField(read_only=True, help_text="“manual” for values entered by hand, or the key of "
                                   "the dashboard figure Guild computes it from (then `values` is empty).")
    current = serializers.SerializerMethodField()

    class Meta:
        model = KPIDefinition
        fields = ["slug", "name", "tier", "unit", "description", "target", "higher_is_better", "source", "current",
                  "values"]

    @extend_schema_field(KPICurrentSerializer(allow_null=True))  # null: a KPI defined while the request ran
    def get_current(self, kpi):
        row = self.context["overview"]().get(kpi.pk)
        if row is None:  # defined while the request ran
            return None
        kind = row["kind"]
        return KPICurrentSerializer({
            "value": _kpi_number(row["value"], kind), "date": row["date"],
            "previous": _kpi_number(row["previous"], kind), "previous_date": row["previous_date"],
            "change": _kpi_number(row["change"], kind), "as_of_today": row["as_of_today"], "on_track": row["on_track"],
        }).data


FILTER_PARAMETERS = [
    OpenApiParameter("team", {"type": "string", "pattern": NO_NUL}, description="A team's slug (with its sub-teams)."),
    OpenApiParameter("period", {"type": "integer", "enum": sorted(PERIODS)}, description="Days; 90 when left out."),
]


def _filters(request):
    """The dashboard's team and period from the query string; a value that names nothing is a 404 (team)
    or a 400, never the whole organisation."""
    try:
        filters = parse_filters(request.query_params)
    except BadFilter as exc:
        raise (NotFound(exc.message) if exc.status == 404 else ValidationError(exc.message)) from None
    period = request.query_params.get("period")
    if period is not None and period not in {str(days) for days in PERIODS}:  # the page reads "" as 90; the API is strict
        raise ValidationError(_("“%(value)s” is not a period the dashboard knows: choose %(choices)s days.")
                              % {"value": period[:40], "choices": ", ".join(str(d) for d in PERIODS)})
    return filters


@extend_schema_view(list=extend_schema(parameters=FILTER_PARAMETERS), retrieve=extend_schema(parameters=FILTER_PARAMETERS))
class KPIViewSet(viewsets.ReadOnlyModelViewSet):
    """KPIs with their hand-entered series and their current value, previous value and change: computed
    KPIs for the team and period asked (as the dashboard's KPI table), hand-entered ones organisation-wide."""

    serializer_class = KPISerializer
    permission_classes = [IsLDAdminOrExecutiveReadOnly]
    lookup_field = "slug"

    def get_queryset(self):
        return KPIDefinition.objects.prefetch_related("values__team").order_by("tier", "slug")

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "overview": self._overview}

    def _overview(self):
        """{KPI id: kpi_overview row}, computed once per request, after the filters were checked."""
        if not hasattr(self, "_rows"):
            filters = self._checked_filters
            computed = KPIDefinition.objects.exclude(source=KPIDefinition.MANUAL).exists()
            rows = kpi_overview(dash=dashboard(filters) if computed else None, filters=filters)
            self._rows = {row["kpi"].pk: row for row in rows}
        return self._rows

    @reporting_reads()
    def list(self, request, *args, **kwargs):
        self._checked_filters = _filters(request)
        return super().list(request, *args, **kwargs)

    @reporting_reads()
    def retrieve(self, request, *args, **kwargs):
        self._checked_filters = _filters(request)
        return super().retrieve(request, *args, **kwargs)


class NeedPrioritySerializer(serializers.Serializer):
    id = serializers.IntegerField(source="need.pk")
    title = serializers.CharField(source="need.title")
    status = serializers.CharField(source="need.status")
    goal = serializers.CharField(source="need.goal.title", allow_null=True, default=None)
    team = serializers.CharField(source="need.team.slug", allow_null=True, default=None)
    votes = serializers.IntegerField(source="need.vote_count")
    score = serializers.FloatField()
    score_votes = serializers.FloatField(source="votes")
    score_goal = serializers.FloatField(source="goal")
    score_skill_gap = serializers.FloatField(source="gap")
    score_urgency = serializers.FloatField(source="urgency")


class NeedPriorityViewSet(viewsets.ViewSet):
    """Open learning needs, highest priority first, with how each score is made."""

    permission_classes = [IsLDAdminOrExecutiveReadOnly]
    serializer_class = NeedPrioritySerializer

    pagination_class = RankedListCursorPagination

    @reporting_reads()
    def list(self, request, *args, **kwargs):  # kwargs: the router's format suffix (.json)
        paginator = self.pagination_class()
        page = paginator.paginate_ranked(priority_list(), request, key=ranking_key)
        return paginator.get_ranked_response(NeedPrioritySerializer(page, many=True).data)


class FigureSerializer(serializers.Serializer):
    key = serializers.CharField(allow_null=True, help_text="The figure's key (governance/figures.py); null for a "
                                "business series point or a readiness cell.")
    section = serializers.CharField()
    metric = serializers.CharField(help_text="The figure's label, in the request's language.")
    value = serializers.CharField(allow_null=True)
    previous = serializers.CharField(allow_null=True, help_text="The value for the previous period of the same "
                                     "length, by the same definition; null when there is none or as_of_today.")
    change = serializers.CharField(allow_null=True, help_text="value minus previous (a percentage's change is in "
                                   "percentage points); null when either is missing.")
    as_of_today = serializers.BooleanField(help_text="A figure of how things stand now: no history is kept, so it "
                                           "has no previous value.")


@extend_schema_serializer(many=False)  # the list action answers one object, not a list
class DashboardSerializer(serializers.Serializer):
    team = serializers.CharField(allow_null=True)
    period_days = serializers.IntegerField()
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    previous_period_start = serializers.DateField()
    previous_period_end = serializers.DateField()
    figures = FigureSerializer(many=True)


def _text(value):
    return None if value is None or value == "" else str(value)


def dashboard_payload(dash):
    """The dashboard's figures as the API answers them (strings of the exports' raw numbers)."""
    before = dash.previous_filters
    figures = [{"key": r.key, "section": r.section, "metric": r.metric, "value": _text(r.value),
                "previous": _text(r.previous), "change": _text(r.change), "as_of_today": r.as_of_today}
               for r in dash.figure_rows()]
    figures += [{"key": None, "section": section, "metric": metric, "value": _text(value), "previous": None,
                 "change": None, "as_of_today": as_of_today} for section, metric, value, as_of_today in dash.other_rows()]
    return {"team": dash.filters.team.slug if dash.filters.team else None, "period_days": dash.filters.period,
            "period_start": dash.filters.start, "period_end": dash.filters.end,
            "previous_period_start": before.start, "previous_period_end": before.end, "figures": figures}


class DashboardViewSet(viewsets.ViewSet):
    """The dashboard figures; filter with ?team=<slug>&period=30|90|365."""

    permission_classes = [IsLDAdminOrExecutiveReadOnly]
    serializer_class = DashboardSerializer

    @extend_schema(parameters=FILTER_PARAMETERS)
    @reporting_reads()
    def list(self, request, *args, **kwargs):  # kwargs: the router's format suffix (.json)
        filters = _filters(request)
        return Response(DashboardSerializer(dashboard_payload(dashboard(filters))).data)


def register(router):
    router.register("governance/kpis", KPIViewSet, basename="governance-kpi")
    router.register("governance/needs", NeedPriorityViewSet, basename="governance-need")
    router.register("governance/dashboard", DashboardViewSet, basename="governance-dashboard")

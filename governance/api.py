"""Read-only reporting endpoints for L&D admins and executives: KPIs with their series, the needs
priority list with its score breakdown, and the dashboard figures.

Each handler reads from the read replica when there is one (guild.core.replica); DRF has
authenticated the caller and checked permissions on the primary before the handler runs."""

from rest_framework import serializers, viewsets
from rest_framework.response import Response

from governance.models.kpis import KPIDefinition
from governance.selectors.dashboard import BadFilter, dashboard, parse_filters
from governance.selectors.needs import priority_list
from guild.core.replica import reporting_reads
from guild.people.api_permissions import IsLDAdminOrExecutiveReadOnly


class KPIValueSerializer(serializers.Serializer):
    date = serializers.DateField()
    team = serializers.CharField(source="team.slug", allow_null=True, default=None)
    value = serializers.DecimalField(max_digits=14, decimal_places=2)


class KPISerializer(serializers.ModelSerializer):
    values = KPIValueSerializer(many=True, read_only=True)

    class Meta:
        model = KPIDefinition
        fields = ["slug", "name", "tier", "unit", "description", "target", "higher_is_better", "values"]


class KPIViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = KPISerializer
    permission_classes = [IsLDAdminOrExecutiveReadOnly]
    lookup_field = "slug"

    def get_queryset(self):
        return KPIDefinition.objects.prefetch_related("values__team").order_by("tier", "slug")

    @reporting_reads()
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @reporting_reads()
    def retrieve(self, request, *args, **kwargs):
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

    @reporting_reads()
    def list(self, request, *args, **kwargs):  # kwargs: the router's format suffix (.json)
        return Response(NeedPrioritySerializer(priority_list(), many=True).data)


class FigureSerializer(serializers.Serializer):
    section = serializers.CharField()
    metric = serializers.CharField()
    value = serializers.CharField(allow_null=True)


class DashboardSerializer(serializers.Serializer):
    team = serializers.CharField(allow_null=True)
    period_days = serializers.IntegerField()
    figures = FigureSerializer(many=True)


class DashboardViewSet(viewsets.ViewSet):
    """The dashboard figures; filter with ?team=<slug>&period=30|90|365."""

    permission_classes = [IsLDAdminOrExecutiveReadOnly]
    serializer_class = DashboardSerializer

    @reporting_reads()
    def list(self, request, *args, **kwargs):  # kwargs: the router's format suffix (.json)
        try:
            filters = parse_filters(request.query_params)
        except BadFilter as exc:
            return Response({"detail": exc.message}, status=exc.status)
        dash = dashboard(filters)
        return Response({
            "team": dash.filters.team.slug if dash.filters.team else None, "period_days": dash.filters.period,
            "figures": [{"section": s, "metric": m, "value": str(v) if v != "" else None} for s, m, v in dash.export_rows()],
        })


def register(router):
    router.register("governance/kpis", KPIViewSet, basename="governance-kpi")
    router.register("governance/needs", NeedPriorityViewSet, basename="governance-need")
    router.register("governance/dashboard", DashboardViewSet, basename="governance-dashboard")

"""HR-system sync: people and teams, keyed by the HR system's employee id."""

from django.db import transaction
from rest_framework import serializers, viewsets

from guild.people.api_permissions import IsLDAdmin
from guild.skills.models import JobRole

from .models import Team, User, validate_timezone
from .roles import Role
from .services import grant_role


class TeamSerializer(serializers.ModelSerializer):
    parent = serializers.SerializerMethodField()
    manager = serializers.SlugRelatedField(slug_field="email", queryset=User.objects.all(), allow_null=True, required=False)

    class Meta:
        model = Team
        fields = ["id", "slug", "name", "parent", "manager"]
        read_only_fields = ["id", "parent"]

    def get_parent(self, team) -> str | None:
        parent = team.get_parent()
        return parent.slug if parent else None


class PersonSerializer(serializers.ModelSerializer):
    team = serializers.SlugRelatedField(slug_field="slug", queryset=Team.objects.all(), allow_null=True, required=False)
    job_role = serializers.SlugRelatedField(slug_field="slug", queryset=JobRole.objects.all(), allow_null=True, required=False)
    roles = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "employee_id", "email", "first_name", "last_name", "job_title", "team", "job_role", "timezone", "is_active", "roles"]
        read_only_fields = ["id", "roles"]

    def get_roles(self, person) -> list[str]:
        return sorted(g.name for g in person.groups.all())

    def validate_email(self, value):
        return value.lower()

    def validate_timezone(self, value):
        validate_timezone(value)
        return value

    @transaction.atomic
    def create(self, validated_data):
        person = User.objects.create_user(**validated_data)  # no password: SSO or a reset link signs them in
        grant_role(user=person, role=Role.LEARNER)
        return person


class PersonViewSet(viewsets.ModelViewSet):
    """People, for HR sync. Deleting is not offered: deactivate with is_active=false."""

    serializer_class = PersonSerializer
    permission_classes = [IsLDAdmin]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    lookup_field = "employee_id"

    def get_queryset(self):
        return User.objects.select_related("team", "job_role").prefetch_related("groups").order_by("id")


class TeamViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = TeamSerializer
    permission_classes = [IsLDAdmin]
    lookup_field = "slug"
    pagination_class = None  # a company has hundreds of teams, not millions

    def get_queryset(self):
        return Team.objects.select_related("manager").order_by("path")


def register(router):
    router.register("people", PersonViewSet, basename="person")
    router.register("teams", TeamViewSet, basename="team")

"""HR-system sync: people, keyed by the HR system's employee id, and teams, keyed by their slug
(the HR system's team code). Read and written by L&D admins (and their service accounts)."""

import zoneinfo

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound

from guild.people.api_permissions import IsLDAdmin
from guild.skills.models import JobRole

from . import skills_api
from .api_fields import SlugReference
from .api_filters import BooleanFilter, GuildFilterSet, TextFilter
from .models import Team, User, validate_timezone
from .roles import Role
from .services import grant_role

TIME_ZONES = sorted(zoneinfo.available_timezones())

# External ids in URLs: no slash, no control characters (PostgreSQL text cannot hold NUL).
EXTERNAL_ID_REGEX = r"[^/\x00-\x1f]{1,64}"


class TeamSerializer(serializers.ModelSerializer):
    parent = SlugReference(slug_field="slug", queryset=Team.objects.all(), allow_null=True, required=False,
                                          help_text="The parent team's slug; null for a top-level team.")
    manager = SlugReference(slug_field="email", queryset=User.objects.all(), allow_null=True, required=False)

    class Meta:
        model = Team
        fields = ["id", "slug", "name", "parent", "manager"]
        read_only_fields = ["id"]

    def to_representation(self, team):
        data = super().to_representation(team)
        parent = team.get_parent() if team.depth > 1 else None
        data["parent"] = parent.slug if parent else None
        return data

    def validate(self, attrs):
        parent = attrs.get("parent")
        if self.instance is not None and parent is not None and parent.path.startswith(self.instance.path):
            raise serializers.ValidationError({"parent": [_("A team cannot sit under itself or its own sub-team.")]})
        return attrs

    @transaction.atomic
    def create(self, validated_data):
        parent = validated_data.pop("parent", None)
        return parent.add_child(**validated_data) if parent else Team.add_root(**validated_data)

    @transaction.atomic
    def update(self, team, validated_data):
        moving = "parent" in validated_data
        parent = validated_data.pop("parent", None)
        for name, value in validated_data.items():
            setattr(team, name, value)
        team.save()
        current = team.get_parent() if team.depth > 1 else None
        if moving and parent != current:
            if parent is None:
                team.move(Team.get_first_root_node(), "sorted-sibling")
            else:
                team.move(parent, "sorted-child")
            team.refresh_from_db()
        return team


class PersonSerializer(serializers.ModelSerializer):
    team = SlugReference(slug_field="slug", queryset=Team.objects.all(), allow_null=True, required=False)
    job_role = SlugReference(slug_field="slug", queryset=JobRole.objects.all(), allow_null=True, required=False)
    roles = serializers.SerializerMethodField()
    timezone = serializers.ChoiceField(choices=TIME_ZONES, required=False, help_text="An IANA time zone, e.g. Europe/Paris.")

    class Meta:
        model = User
        fields = ["id", "employee_id", "email", "first_name", "last_name", "job_title", "team", "job_role", "hire_date", "timezone",
                  "is_active", "roles"]
        read_only_fields = ["id", "roles"]
        # Someone made by SSO or SCIM has no employee id yet: null, both ways (stored as "").
        extra_kwargs = {"employee_id": {"allow_null": True}}

    def to_representation(self, person):
        data = super().to_representation(person)
        data["employee_id"] = data["employee_id"] or None
        return data

    def validate_employee_id(self, value):
        return value or ""

    def get_roles(self, person) -> list[str]:
        return sorted(g.name for g in person.groups.all())

    def validate_email(self, value):
        value = value.lower()
        others = User.objects.filter(email__iexact=value)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():  # stored lower-cased: the field's own check compares case-sensitively
            raise serializers.ValidationError(_("Someone already has this email address."), code="unique")
        return value

    def validate_timezone(self, value):
        validate_timezone(value)
        return value

    @transaction.atomic
    def create(self, validated_data):
        person = User.objects.create_user(**validated_data)  # no password: SSO or a reset link signs them in
        grant_role(user=person, role=Role.LEARNER)
        return person


class PersonFilterSet(GuildFilterSet):
    team = TextFilter(field_name="team__slug", help_text="A team's slug (its own members).")
    job_role = TextFilter(field_name="job_role__slug")
    email = TextFilter(field_name="email", lookup_expr="iexact")
    is_active = BooleanFilter(field_name="is_active")

    class Meta:
        model = User
        fields = []


class PersonViewSet(viewsets.ModelViewSet):
    """People, for HR sync. Deleting is not offered: deactivate with is_active=false."""

    serializer_class = PersonSerializer
    permission_classes = [IsLDAdmin]
    filterset_class = PersonFilterSet
    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    lookup_field = "employee_id"
    lookup_value_regex = EXTERNAL_ID_REGEX

    def get_queryset(self):
        return User.objects.select_related("team", "job_role").prefetch_related("groups").order_by("id")

    def get_object(self):
        """By employee id; a person who has none yet (made at their first SSO sign-in, or by SCIM) by
        their email address, so that HR can give them one with a PATCH instead of clashing on a POST."""
        key = self.kwargs[self.lookup_field]
        people = self.filter_queryset(self.get_queryset())
        person = people.filter(employee_id=key).first()
        if person is None and "@" in key:
            person = people.filter(email__iexact=key, employee_id="").first()
        if person is None:
            raise NotFound()
        self.check_object_permissions(self.request, person)
        return person


class TeamViewSet(viewsets.ModelViewSet):
    """Teams, by slug. Deleting is not offered: people and reports hang on teams."""

    serializer_class = TeamSerializer
    permission_classes = [IsLDAdmin]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    lookup_field = "slug"
    lookup_value_regex = EXTERNAL_ID_REGEX

    def get_queryset(self):
        return Team.objects.select_related("manager").order_by("id")


def register(router):
    router.register("people", PersonViewSet, basename="person")
    router.register("teams", TeamViewSet, basename="team")
    skills_api.register(router)  # the skills framework's API lives here: it needs people's visibility rules

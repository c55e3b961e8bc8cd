"""The skills framework: skills, job roles with the levels they require, and the levels people
hold. Everyone signed in reads the framework; held levels are seen as in the UI
(guild.people.api_visibility: L&D admins all, managers their teams', others their own)."""

import django_filters
from django.db.models import Prefetch
from rest_framework import serializers, viewsets

from guild.skills.models import JobRole, PersonSkill, RoleSkillRequirement, Skill

from .api_fields import BlankAsNull
from .api_filters import BooleanFilter, GuildFilterSet, TextFilter, id_filter
from .api_visibility import visible_to

SLUG_REGEX = r"[-a-zA-Z0-9_]{1,120}"


class SkillSerializer(serializers.ModelSerializer):
    category = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Skill
        fields = ["id", "slug", "name", "category", "description"]


class SkillViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = SkillSerializer
    lookup_field = "slug"
    lookup_value_regex = SLUG_REGEX

    def get_queryset(self):
        return Skill.objects.select_related("category").order_by("id")


class RequirementSerializer(serializers.ModelSerializer):
    skill = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = RoleSkillRequirement
        fields = ["skill", "level"]


class JobRoleSerializer(serializers.ModelSerializer):
    requirements = RequirementSerializer(many=True, read_only=True, help_text="The skill levels the role requires (1-5).")

    class Meta:
        model = JobRole
        fields = ["id", "slug", "name", "requirements"]


class JobRoleViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = JobRoleSerializer
    lookup_field = "slug"
    lookup_value_regex = SLUG_REGEX

    def get_queryset(self):
        requirements = RoleSkillRequirement.objects.select_related("skill").order_by("skill__name")
        return JobRole.objects.prefetch_related(Prefetch("requirements", queryset=requirements)).order_by("id")


class PersonSkillSerializer(serializers.ModelSerializer):
    person = serializers.SlugRelatedField(slug_field="email", read_only=True)
    person_employee_id = BlankAsNull(source="person.employee_id")
    skill = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    source_detail = serializers.CharField(
        read_only=True, help_text="What set the level, in words (a course's title, an import's file); may be empty.")
    validated_by = serializers.SlugRelatedField(
        slug_field="email", read_only=True, allow_null=True,
        help_text="The email of the manager or L&D admin who validated the level; null when nobody did.")
    validated_at = serializers.DateTimeField(
        read_only=True, allow_null=True, help_text="When the level was validated; null when it was not.")
    awaiting_validation = serializers.BooleanField(
        source="awaits_validation", read_only=True,
        help_text="True for a self-assessed or course-proposed level the manager has not validated yet (it counts meanwhile).")

    class Meta:
        model = PersonSkill
        fields = ["id", "person", "person_employee_id", "skill", "level", "source", "source_detail", "assessed_at",
                  "validated_by", "validated_at", "awaiting_validation"]


class PersonSkillFilter(GuildFilterSet):
    person = TextFilter(method="by_person", help_text="The person's email address or employee id.")
    person_id = id_filter("person_id")
    skill = TextFilter(field_name="skill__slug")
    team = TextFilter(field_name="person__team__slug")
    source = django_filters.ChoiceFilter(choices=PersonSkill.Source.choices)
    validated = BooleanFilter(field_name="validated_at", lookup_expr="isnull", exclude=True,
                              help_text="true: only validated levels; false: only levels nobody validated.")

    class Meta:
        model = PersonSkill
        fields = []

    def by_person(self, qs, name, value):
        return qs.filter(person__email__iexact=value) | qs.filter(person__employee_id=value) if value else qs


class PersonSkillViewSet(viewsets.ReadOnlyModelViewSet):
    """The skill levels people hold (self-assessed, by their manager, from courses, confirmed)."""

    lookup_value_regex = "[0-9]{1,18}"  # always fits a bigint; a longer number is the API's 404

    serializer_class = PersonSkillSerializer
    filterset_class = PersonSkillFilter

    def get_queryset(self):
        qs = PersonSkill.objects.select_related("person", "skill", "validated_by").order_by("id")
        if getattr(self, "swagger_fake_view", False):
            return qs.none()
        return visible_to(qs, self.request.user, "person")


def register(router):
    router.register("skills", SkillViewSet, basename="skill")
    router.register("job-roles", JobRoleViewSet, basename="job-role")
    router.register("person-skills", PersonSkillViewSet, basename="person-skill")

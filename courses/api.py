"""Courses and learning paths (read), enrolments (read, filter, create with a due date) with their
progress and completion, and certificates. Each caller sees the enrolments and certificates they
see in the UI (guild.people.api_visibility); only L&D admins enrol others through the API."""

import django_filters
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from guild.core.api_ids import IdLookupMixin
from guild.core.safe_input import MAX_PAGE_ID
from guild.people.api_fields import BlankAsNull
from guild.people.api_filters import (
    BooleanFilter,
    DateFilter,
    DateTimeFilter,
    GuildFilterSet,
    TextFilter,
    id_filter,
)
from guild.people.api_visibility import visible_to
from guild.people.models import User
from guild.people.roles import Role
from guild.skills.models import Skill

from .models.certificates import Certificate
from .models.enrolment import Enrolment, EnrolmentSource, EnrolmentStatus
from .models.pages import CoursePage, LearningPathPage, PathCourse
from .models.stats import CourseStats
from .services.enrolment import enrol
from .services.errors import LearningError


class PersonFilter(TextFilter):
    """A person by email address or by the HR system's employee id."""

    def filter(self, qs, value):
        if not value:
            return qs
        field = self.field_name
        return qs.filter(**{f"{field}__email__iexact": value}) | qs.filter(**{f"{field}__employee_id": value})


class CourseSerializer(serializers.ModelSerializer):
    skills = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    url = serializers.SerializerMethodField()
    enrolments = serializers.SerializerMethodField()
    completions = serializers.SerializerMethodField()
    rating_average = serializers.SerializerMethodField()

    class Meta:
        model = CoursePage
        fields = ["id", "slug", "title", "summary", "level", "estimated_minutes", "skills", "is_mandatory",
                  "certificate_validity_months", "pass_mark", "url", "first_published_at", "enrolments",
                  "completions", "rating_average"]

    def _stats(self, course):
        try:
            return course.stats
        except CourseStats.DoesNotExist:  # no one has enrolled yet
            return None

    def get_url(self, course) -> str:
        return course.get_url(self.context.get("request"))

    def get_enrolments(self, course) -> int:
        stats = self._stats(course)
        return stats.enrolments if stats else 0

    def get_completions(self, course) -> int:
        stats = self._stats(course)
        return stats.completions if stats else 0

    def get_rating_average(self, course) -> float | None:
        stats = self._stats(course)
        return stats.rating_average if stats else None


class CourseFilter(GuildFilterSet):
    skill = TextFilter(field_name="skills__slug", help_text="A skill's slug.")
    mandatory = BooleanFilter(field_name="is_mandatory")

    class Meta:
        model = CoursePage
        fields = ["skill", "mandatory"]


class CourseViewSet(IdLookupMixin, viewsets.ReadOnlyModelViewSet):
    """Published courses only."""

    serializer_class = CourseSerializer
    filterset_class = CourseFilter
    max_lookup_id = MAX_PAGE_ID  # Wagtail page ids are integers

    def get_queryset(self):
        return (
            CoursePage.objects.live().defer_streamfields().select_related("stats")
            .prefetch_related(Prefetch("skills", queryset=Skill.objects.only("id", "name"))).distinct().order_by("id")
        )


class LearningPathSerializer(serializers.ModelSerializer):
    skills = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    courses = serializers.SerializerMethodField(
        help_text="The ids of the path's published courses, in the path's order (as its page lists them).")
    url = serializers.SerializerMethodField()

    class Meta:
        model = LearningPathPage
        fields = ["id", "slug", "title", "skills", "courses", "url"]

    def get_courses(self, path) -> list[int]:
        return [pc.course_id for pc in path.path_courses.all()]

    def get_url(self, path) -> str:
        return path.get_url(self.context.get("request"))


class LearningPathViewSet(IdLookupMixin, viewsets.ReadOnlyModelViewSet):
    """Published learning paths, with their courses in order."""

    serializer_class = LearningPathSerializer
    max_lookup_id = MAX_PAGE_ID

    def get_queryset(self):
        # A draft or unpublished course is left out, as on the path's page: /api/courses/ would 404 on its id.
        live_courses = PathCourse.objects.filter(course__live=True).order_by("sort_order")
        return (LearningPathPage.objects.live().order_by("id")
                .prefetch_related("skills", Prefetch("path_courses", queryset=live_courses)))


class EnrolmentSerializer(serializers.ModelSerializer):
    learner = serializers.SlugRelatedField(slug_field="email", read_only=True)
    learner_employee_id = BlankAsNull(source="learner.employee_id")
    course = serializers.IntegerField(source="course_id", read_only=True)
    course_title = serializers.CharField(source="course.title", read_only=True)
    progress = serializers.IntegerField(read_only=True, help_text="Per cent of the course's lessons completed.")

    class Meta:
        model = Enrolment
        fields = ["id", "learner", "learner_employee_id", "course", "course_title", "source", "due_date", "status",
                  "progress", "enrolled_at", "started_at", "last_activity_at", "completed_at"]
        read_only_fields = fields


class EnrolmentCreateSerializer(serializers.Serializer):
    """Enrol a person (by email or employee id) in a published course, with an optional due date."""

    person = serializers.CharField(max_length=254, help_text="The person's email address or employee id.")
    course = serializers.IntegerField(min_value=1, max_value=MAX_PAGE_ID, help_text="A published course's id.")
    due_date = serializers.DateField(required=False, allow_null=True)

    def validate_person(self, value):
        person = (User.objects.filter(email__iexact=value, is_active=True).first()
                  or User.objects.filter(employee_id=value, is_active=True).exclude(employee_id="").first())
        if person is None:
            raise serializers.ValidationError(_("No active person has this email address or employee id."))
        return person

    def validate_course(self, value):
        course = CoursePage.objects.live().filter(pk=value).first()
        if course is None:
            raise serializers.ValidationError(_("No published course has this id."))
        return course


class EnrolmentFilter(GuildFilterSet):
    person = PersonFilter(field_name="learner", help_text="The learner's email address or employee id.")
    learner = PersonFilter(field_name="learner", help_text="The same as `person` (kept for older clients).")
    course = id_filter("course_id", maximum=MAX_PAGE_ID)
    team = TextFilter(field_name="learner__team__slug", help_text="A team's slug (its members only).")
    status = django_filters.ChoiceFilter(choices=EnrolmentStatus.choices)
    source = django_filters.ChoiceFilter(choices=EnrolmentSource.choices)
    enrolled_after = DateTimeFilter(field_name="enrolled_at", lookup_expr="gte")
    enrolled_before = DateTimeFilter(field_name="enrolled_at", lookup_expr="lt")
    completed_after = DateTimeFilter(field_name="completed_at", lookup_expr="gte")
    completed_before = DateTimeFilter(field_name="completed_at", lookup_expr="lt")
    due_after = DateFilter(field_name="due_date", lookup_expr="gte")
    due_before = DateFilter(field_name="due_date", lookup_expr="lte")

    class Meta:
        model = Enrolment
        fields = []


class EnrolmentViewSet(IdLookupMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Enrolments with progress and completion: L&D admins read all and enrol anyone; a manager
    reads their teams' people's; anyone else their own."""

    filterset_class = EnrolmentFilter

    def get_serializer_class(self):
        return EnrolmentCreateSerializer if self.action == "create" else EnrolmentSerializer

    def get_queryset(self):
        qs = Enrolment.objects.select_related("learner", "course").order_by("id")
        if getattr(self, "swagger_fake_view", False):  # schema generation has no signed-in person
            return qs.none()
        return visible_to(qs, self.request.user, "learner")

    @extend_schema(request=EnrolmentCreateSerializer, responses={
        201: OpenApiResponse(EnrolmentSerializer, description="Enrolled."),
        200: OpenApiResponse(EnrolmentSerializer, description="Already enrolled: the enrolment, its due date "
                                                              "tightened if the new one is earlier."),
    })
    def create(self, request, *args, **kwargs):
        if not request.user.has_role(Role.LD_ADMIN):
            raise PermissionDenied(_("Only L&D admins can enrol people through the API."))
        serializer = EnrolmentCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            enrolment, created = enrol(learner=data["person"], course=data["course"], source=EnrolmentSource.ASSIGNED,
                                       due_date=data.get("due_date"), assigned_by=request.user)
        except LearningError as exc:
            raise serializers.ValidationError({"course": [str(exc)]}) from None
        enrolment = self.get_queryset().model.objects.select_related("learner", "course").get(pk=enrolment.pk)
        return Response(EnrolmentSerializer(enrolment, context=self.get_serializer_context()).data,
                        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class CertificateSerializer(serializers.ModelSerializer):
    learner = serializers.SlugRelatedField(slug_field="email", read_only=True)
    learner_employee_id = BlankAsNull(source="learner.employee_id")
    course = serializers.IntegerField(source="course_id", read_only=True)
    course_title = serializers.CharField(source="course.title", read_only=True)
    enrolment = serializers.IntegerField(source="enrolment_id", read_only=True)
    is_valid = serializers.BooleanField(read_only=True)

    class Meta:
        model = Certificate
        fields = ["id", "code", "learner", "learner_employee_id", "course", "course_title", "enrolment",
                  "issued_at", "expires_at", "revoked_at", "is_valid"]


class CertificateFilter(GuildFilterSet):
    person = PersonFilter(field_name="learner", help_text="The learner's email address or employee id.")
    course = id_filter("course_id", maximum=MAX_PAGE_ID)
    team = TextFilter(field_name="learner__team__slug")
    issued_after = DateTimeFilter(field_name="issued_at", lookup_expr="gte")
    issued_before = DateTimeFilter(field_name="issued_at", lookup_expr="lt")
    expires_before = DateTimeFilter(field_name="expires_at", lookup_expr="lt")

    class Meta:
        model = Certificate
        fields = []


class CertificateViewSet(IdLookupMixin, viewsets.ReadOnlyModelViewSet):
    """Certificates issued, seen as in the UI (L&D admins: all; managers: their teams'; others: own)."""

    serializer_class = CertificateSerializer
    filterset_class = CertificateFilter

    def get_queryset(self):
        qs = Certificate.objects.select_related("learner", "course").order_by("id")
        if getattr(self, "swagger_fake_view", False):
            return qs.none()
        return visible_to(qs, self.request.user, "learner")


def register(router):
    router.register("courses", CourseViewSet, basename="course")
    router.register("paths", LearningPathViewSet, basename="learning-path")
    router.register("enrolments", EnrolmentViewSet, basename="enrolment")
    router.register("certificates", CertificateViewSet, basename="certificate")

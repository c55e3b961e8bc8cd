"""Read-only API: the live catalogue for everyone signed in; enrolments for L&D admins (all)
and for each person (their own)."""

from django.db.models import Prefetch
from rest_framework import serializers, viewsets

from guild.core.api_ids import IdLookupMixin, query_id
from guild.core.safe_input import MAX_PAGE_ID
from guild.people.roles import Role
from guild.skills.models import Skill

from .models.enrolment import Enrolment
from .models.pages import CoursePage
from .models.stats import CourseStats


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


class CourseViewSet(IdLookupMixin, viewsets.ReadOnlyModelViewSet):
    """Published courses only."""

    serializer_class = CourseSerializer
    max_lookup_id = MAX_PAGE_ID  # Wagtail page ids are integers

    def get_queryset(self):
        return (
            CoursePage.objects.live().defer_streamfields().select_related("stats")
            .prefetch_related(Prefetch("skills", queryset=Skill.objects.only("id", "name"))).order_by("id")
        )


class EnrolmentSerializer(serializers.ModelSerializer):
    learner = serializers.SlugRelatedField(slug_field="email", read_only=True)
    course_title = serializers.CharField(source="course.title", read_only=True)

    class Meta:
        model = Enrolment
        fields = ["id", "learner", "course", "course_title", "source", "due_date", "status", "progress",
                  "enrolled_at", "last_activity_at", "completed_at"]


class EnrolmentViewSet(IdLookupMixin, viewsets.ReadOnlyModelViewSet):
    """L&D admins read every enrolment (filter with ?learner=<email>&course=<id>&status=); anyone else
    reads only their own."""

    serializer_class = EnrolmentSerializer

    def get_queryset(self):
        qs = Enrolment.objects.select_related("learner", "course").order_by("id")
        if getattr(self, "swagger_fake_view", False):  # schema generation has no signed-in person
            return qs.none()
        user = self.request.user
        if not user.has_role(Role.LD_ADMIN):
            qs = qs.filter(learner=user)
        params = self.request.query_params
        if params.get("learner"):
            qs = qs.filter(learner__email__iexact=params["learner"])
        course_id = query_id(params, "course", maximum=MAX_PAGE_ID)
        if course_id is not None:
            qs = qs.filter(course_id=course_id)
        if params.get("status"):
            qs = qs.filter(status=params["status"])
        return qs


def register(router):
    router.register("courses", CourseViewSet, basename="course")
    router.register("enrolments", EnrolmentViewSet, basename="enrolment")

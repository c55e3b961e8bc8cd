from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .pages import CoursePage, LearningPathPage


class Cohort(models.Model):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    course = models.ForeignKey(CoursePage, null=True, blank=True, on_delete=models.CASCADE, related_name="cohorts")
    path = models.ForeignKey(LearningPathPage, null=True, blank=True, on_delete=models.CASCADE, related_name="cohorts")
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    facilitator = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="facilitated_cohorts")
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="CohortMembership", related_name="cohorts")

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="cohort_ends_after_start"),
            models.CheckConstraint(
                condition=models.Q(course__isnull=False) | models.Q(path__isnull=False), name="cohort_has_course_or_path"
            ),
        ]

    def __str__(self):
        return self.name


class CohortMembership(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="memberships")
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_memberships")
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cohort", "learner"], name="one_membership_per_cohort")]

    def __str__(self):
        return f"{self.learner} in {self.cohort}"


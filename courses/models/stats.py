from django.db import models
from django.utils.translation import gettext_lazy as _

from .pages import CoursePage


class CourseStats(models.Model):
    """Counters kept by the services as things happen, so lists and dashboards never aggregate per view."""

    course = models.OneToOneField(CoursePage, on_delete=models.CASCADE, related_name="stats", primary_key=True)
    enrolments = models.PositiveIntegerField(default=0)
    active = models.PositiveIntegerField(default=0)
    completions = models.PositiveIntegerField(default=0)
    rating_sum = models.PositiveIntegerField(default=0)
    rating_count = models.PositiveIntegerField(default=0)
    relevant_yes = models.PositiveIntegerField(default=0)
    relevant_count = models.PositiveIntegerField(default=0)
    useful_count = models.PositiveIntegerField(default=0)
    outdated_count = models.PositiveIntegerField(default=0)
    question_count = models.PositiveIntegerField(default=0)
    needs_update = models.BooleanField(_("needs update"), default=False)
    needs_update_reason = models.CharField(max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"stats {self.course_id}"

    @property
    def rating_average(self):
        return round(self.rating_sum / self.rating_count, 1) if self.rating_count else None

    @property
    def relevance_rate(self):
        return round(100 * self.relevant_yes / self.relevant_count) if self.relevant_count else None

    @property
    def completion_rate(self):
        return round(100 * self.completions / self.enrolments) if self.enrolments else None

"""Contributor recognition: what each contributor did in a month."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MonthlySummary(models.Model):
    """What a contributor did in a month; written once per (month, person) by the monthly task."""

    month = models.DateField(_("month"))
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="monthly_summaries")
    points = models.PositiveIntegerField(default=0)
    courses_published = models.PositiveIntegerField(default=0)
    reviews = models.PositiveIntegerField(default=0)
    answers = models.PositiveIntegerField(default=0)
    useful_marks = models.PositiveIntegerField(default=0)
    needs_fulfilled = models.PositiveIntegerField(default=0)
    kudos = models.PositiveIntegerField(default=0)
    learners_reached = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-month", "-points", "person_id"]
        constraints = [models.UniqueConstraint(fields=["month", "person"], name="one_summary_per_month_and_person")]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.person_id}"

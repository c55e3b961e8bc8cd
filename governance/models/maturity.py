"""Maturity assessments: a level per dimension, with the evidence measured when it was given."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MaturityAssessment(models.Model):
    assessed_on = models.DateField(_("date"), default=timezone.localdate)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    notes = models.TextField(_("notes"), max_length=4000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("maturity assessment")
        ordering = ["-assessed_on", "-id"]

    def __str__(self):
        return f"{self.assessed_on}"


class MaturityRating(models.Model):
    assessment = models.ForeignKey(MaturityAssessment, on_delete=models.CASCADE, related_name="ratings")
    dimension = models.CharField(_("dimension"), max_length=30)
    level = models.PositiveSmallIntegerField(_("level"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    next_step = models.TextField(_("next step"), max_length=1000, blank=True)
    # What the platform measured when the rating was given, kept so history stays honest.
    evidence = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "dimension"], name="one_rating_per_dimension"),
            models.CheckConstraint(condition=models.Q(level__gte=1, level__lte=5), name="maturity_level_1_to_5"),
        ]

    def __str__(self):
        return f"{self.dimension}: {self.level}"

from datetime import timedelta

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
    # Who set it up: a manager manages the cohorts they created (L&D admins manage every one).
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="cohorts_created")

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



class CohortSession(models.Model):
    """A live session of a cohort: members get a calendar invite and a reminder the day before."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=150)
    starts_at = models.DateTimeField(_("starts"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    location = models.CharField(_("place"), max_length=200, blank=True)
    video_url = models.URLField(_("video link"), max_length=500, blank=True)
    # Bumped when the session changes, so calendars replace the invite (ICS SEQUENCE).
    sequence = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    # Kept, not deleted, when cancelled: members get a cancellation of the same calendar event (same UID).
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        verbose_name = _("cohort session")
        verbose_name_plural = _("cohort sessions")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(location="") | ~models.Q(video_url=""),
                                   name="cohort_session_has_a_place_or_link"),
        ]

    def __str__(self):
        return f"{self.cohort}: {self.title}"

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)


class Attendance(models.Model):
    session = models.ForeignKey(CohortSession, on_delete=models.CASCADE, related_name="attendance")
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(_("present"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["session", "learner"], name="attendance_once_per_session")]

    def __str__(self):
        return f"{self.learner_id} at {self.session_id}: {self.present}"

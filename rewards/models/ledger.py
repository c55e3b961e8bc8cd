"""The append-only points ledger and the aggregates the award service keeps with it."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .reasons import Reason, Track


class LedgerQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("The points ledger is append-only.")

    def delete(self):
        raise TypeError("The points ledger is append-only.")


class RewardLedgerEntry(models.Model):
    """Points paid to a person for one event. One row per (person, reason, source): an event never pays twice."""

    id = models.BigAutoField(primary_key=True)
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reward_entries")
    reason = models.CharField(_("reason"), max_length=30, choices=Reason.choices)
    track = models.CharField(_("track"), max_length=20, choices=Track.choices)
    points = models.PositiveIntegerField(_("points"))
    # The object that caused it, e.g. ("courses.enrolment", "42") or ("rewards.week", "2026-W48").
    source_type = models.CharField(_("source type"), max_length=60)
    source_id = models.CharField(_("source id"), max_length=64)
    description = models.CharField(_("what for"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("awarded"), default=timezone.now)

    objects = LedgerQuerySet.as_manager()

    class Meta:
        verbose_name = _("points ledger entry")
        verbose_name_plural = _("points ledger")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["person", "reason", "source_type", "source_id"], name="one_reward_per_event"),
        ]
        indexes = [
            models.Index(fields=["person", "-created_at"], name="ledger_person_recent"),
            models.Index(fields=["person", "reason", "created_at"], name="ledger_person_reason_time"),
            models.Index(fields=["created_at"], name="ledger_time"),
        ]

    def __str__(self):
        return f"{self.person_id} +{self.points} {self.reason}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("The points ledger is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("The points ledger is append-only.")


class PointsBalance(models.Model):
    """A person's running totals, updated with each ledger insert."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="points_balance"
    )
    points = models.PositiveIntegerField(default=0)
    learner_points = models.PositiveIntegerField(default=0)
    contributor_points = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.person_id}: {self.points}"


class Period(models.TextChoices):
    WEEK = "week", _("This week")
    MONTH = "month", _("This month")
    ALL = "all", _("All time")


ALL_TIME_START = datetime.date(2000, 1, 1)


def period_start(period, day: datetime.date) -> datetime.date:
    if period == Period.WEEK:
        return day - datetime.timedelta(days=day.weekday())
    if period == Period.MONTH:
        return day.replace(day=1)
    return ALL_TIME_START


class PointsRollup(models.Model):
    """Points per person, track and period (week, month, all time): what leaderboards read."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="points_rollups")
    track = models.CharField(max_length=20, choices=Track.choices)
    period = models.CharField(max_length=10, choices=Period.choices)
    period_start = models.DateField()
    points = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "track", "period", "period_start"], name="one_rollup_per_period"),
        ]
        indexes = [models.Index(fields=["track", "period", "period_start", "-points"], name="rollup_board")]

    def __str__(self):
        return f"{self.person_id} {self.track} {self.period} {self.period_start}: {self.points}"


class ReasonTally(models.Model):
    """How many times, and for how many points, a person was rewarded for each reason (the profile's figures)."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reason_tallies")
    reason = models.CharField(max_length=30, choices=Reason.choices)
    count = models.PositiveIntegerField(default=0)
    points = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "reason"], name="one_tally_per_reason")]

    def __str__(self):
        return f"{self.person_id} {self.reason}: {self.count}"


class ActivityDay(models.Model):
    """A day on which a person learned something; learning streaks count these."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activity_days")
    day = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "day"], name="one_activity_per_day")]

    def __str__(self):
        return f"{self.person_id} {self.day}"


class RewardPreference(models.Model):
    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="reward_preference"
    )
    show_on_leaderboards = models.BooleanField(_("show me on leaderboards"), default=True)

    def __str__(self):
        return f"{self.person_id}: {self.show_on_leaderboards}"

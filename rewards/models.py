"""Points, badges and kudos.

The ledger is the record of truth and is append-only; every page reads the aggregates
(PointsBalance, PointsRollup, ReasonTally) that the award service updates in the same
transaction as the ledger insert, so no view ever sums the ledger."""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

# --- Reasons and tracks -----------------------------------------------------------------------


class Track(models.TextChoices):
    LEARNER = "learner", _("Learning")
    CONTRIBUTOR = "contributor", _("Contributing")


class Reason(models.TextChoices):
    COURSE_COMPLETED = "course_completed", _("Completed a course")
    QUIZ_FIRST_TIME = "quiz_first_time", _("Passed a quiz first time")
    LEARNING_STREAK = "learning_streak", _("Learning streak")
    COURSE_PUBLISHED = "course_published", _("Published a course")
    REVIEW_COMPLETED = "review_completed", _("Completed a review")
    QUESTION_ANSWERED = "question_answered", _("Answered a learner's question")
    LESSON_USEFUL = "lesson_useful", _("A learner found a lesson useful")
    NEED_FULFILLED = "need_fulfilled", _("Fulfilled a learning need")
    KUDOS_RECEIVED = "kudos_received", _("Received kudos")


LEARNER_REASONS = frozenset({Reason.COURSE_COMPLETED, Reason.QUIZ_FIRST_TIME, Reason.LEARNING_STREAK})


def track_of(reason) -> str:
    return Track.LEARNER if reason in LEARNER_REASONS else Track.CONTRIBUTOR


# --- Point values, edited by L&D in the Wagtail admin (Settings → Rewards) --------------------


def _points_field(label, default):
    return models.PositiveSmallIntegerField(label, default=default, validators=[MaxValueValidator(1000)])


@register_setting(icon="pick")
class RewardSettings(BaseGenericSetting):
    course_completed = _points_field(_("completing a course"), 50)
    quiz_first_time = _points_field(_("passing a quiz at the first attempt"), 10)
    learning_streak = _points_field(_("a learning streak"), 20)
    course_published = _points_field(_("publishing a course (each author)"), 100)
    review_completed = _points_field(_("completing a review"), 30)
    question_answered = _points_field(_("answering a learner's question"), 15)
    lesson_useful = _points_field(_("each distinct learner who marks a lesson useful"), 2)
    need_fulfilled = _points_field(_("fulfilling a learning need"), 80)
    kudos_received = _points_field(_("receiving kudos"), 5)
    streak_days = models.PositiveSmallIntegerField(
        _("days of learning that make a streak"), default=5, validators=[MinValueValidator(2), MaxValueValidator(7)],
        help_text=_("Distinct days with learning activity in one week (Monday to Sunday)."),
    )
    kudos_daily_cap = models.PositiveSmallIntegerField(
        _("kudos a person can give per day"), default=5, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("course_completed"), FieldPanel("quiz_first_time"), FieldPanel("learning_streak")],
            heading=_("Points for learning"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("course_published"), FieldPanel("review_completed"), FieldPanel("question_answered"),
                FieldPanel("lesson_useful"), FieldPanel("need_fulfilled"), FieldPanel("kudos_received"),
            ],
            heading=_("Points for contributing"),
        ),
        MultiFieldPanel([FieldPanel("streak_days"), FieldPanel("kudos_daily_cap")], heading=_("Rules")),
    ]

    class Meta:
        verbose_name = _("rewards")

    def points_for(self, reason) -> int:
        return getattr(self, str(reason))


# --- The ledger and its aggregates ----------------------------------------------------------------


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


# --- Badges -----------------------------------------------------------------------------------------


class Criterion(models.TextChoices):
    EVENT_COUNT = "event_count", _("A number of rewarded events within a period")
    COURSE = "course", _("Completing a course")
    PATH = "path", _("Completing a learning path")
    SKILL_LEVEL = "skill_level", _("Reaching a skill level")
    TOP_CONTRIBUTOR = "top_contributor", _("Among the top contributors of a month")


class Badge(models.Model):
    """A badge L&D defines, with its criteria. Awarded automatically when they are met."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), max_length=1000)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("A square PNG or JPEG. Without one, Guild draws an emblem from the badge's initials."),
    )
    colour = models.CharField(
        _("emblem colour"), max_length=7, default="#1f5f8b",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a hex colour such as #1f5f8b."))],
    )
    criterion = models.CharField(_("awarded for"), max_length=20, choices=Criterion.choices)
    reason = models.CharField(_("event"), max_length=30, choices=Reason.choices, blank=True)
    threshold = models.PositiveSmallIntegerField(
        _("how many"), null=True, blank=True, validators=[MinValueValidator(1)],
        help_text=_("For event counts: how many events. For top contributors: how many people (top N)."),
    )
    period_days = models.PositiveSmallIntegerField(
        _("within (days)"), null=True, blank=True, validators=[MinValueValidator(1)],
        help_text=_("Leave empty to count events over all time."),
    )
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("course"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    path = models.ForeignKey(
        "courses.LearningPathPage", verbose_name=_("learning path"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="+",
    )
    skill = models.ForeignKey("skills.Skill", verbose_name=_("skill"), null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    skill_level = models.PositiveSmallIntegerField(
        _("skill level"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    is_active = models.BooleanField(_("active"), default=True, help_text=_("Inactive badges are no longer awarded."))
    created_at = models.DateTimeField(default=timezone.now)

    panels = [
        FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"),
        FieldRowPanel([FieldPanel("image"), FieldPanel("colour")]),
        MultiFieldPanel(
            [
                FieldPanel("criterion"), FieldPanel("reason"), FieldPanel("threshold"), FieldPanel("period_days"),
                FieldPanel("course"), FieldPanel("path"), FieldPanel("skill"), FieldPanel("skill_level"),
            ],
            heading=_("Criteria"),
            help_text=_("Fill in the fields the chosen criterion needs."),
        ),
        FieldPanel("is_active"),
    ]

    class Meta:
        verbose_name = _("badge")
        verbose_name_plural = _("badges")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(criterion="event_count") | (~models.Q(reason="") & models.Q(threshold__isnull=False)),
                name="badge_event_count_has_reason_and_threshold",
            ),
            models.CheckConstraint(
                condition=~models.Q(criterion="course") | models.Q(course__isnull=False), name="badge_course_has_course"
            ),
            models.CheckConstraint(condition=~models.Q(criterion="path") | models.Q(path__isnull=False), name="badge_path_has_path"),
            models.CheckConstraint(
                condition=~models.Q(criterion="skill_level") | models.Q(skill__isnull=False, skill_level__isnull=False),
                name="badge_skill_has_skill_and_level",
            ),
            models.CheckConstraint(
                condition=~models.Q(criterion="top_contributor") | models.Q(threshold__isnull=False),
                name="badge_top_has_threshold",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        missing = {
            Criterion.EVENT_COUNT: [("reason", self.reason), ("threshold", self.threshold)],
            Criterion.COURSE: [("course", self.course_id)],
            Criterion.PATH: [("path", self.path_id)],
            Criterion.SKILL_LEVEL: [("skill", self.skill_id), ("skill_level", self.skill_level)],
            Criterion.TOP_CONTRIBUTOR: [("threshold", self.threshold)],
        }.get(self.criterion, [])
        errors = {name: _("This criterion needs this field.") for name, value in missing if not value}
        if errors:
            raise ValidationError(errors)

    @property
    def initials(self):
        words = [w for w in self.name.split() if w[:1].isalnum()]
        return "".join(w[0] for w in words[:2]).upper() or "★"

    def criteria_text(self):
        """The criteria in plain words, for people and for the Open Badges BadgeClass."""
        if self.criterion == Criterion.EVENT_COUNT:
            text = _("%(count)s × “%(reason)s”") % {"count": self.threshold, "reason": Reason(self.reason).label}
            if self.period_days:
                text += " " + str(_("within %(days)s days") % {"days": self.period_days})
            return text
        if self.criterion == Criterion.COURSE:
            return _("Complete the course “%(title)s”") % {"title": self.course.title if self.course_id else "?"}
        if self.criterion == Criterion.PATH:
            return _("Complete every course of the path “%(title)s”") % {"title": self.path.title if self.path_id else "?"}
        if self.criterion == Criterion.SKILL_LEVEL:
            return _("Reach level %(level)s in %(skill)s") % {"level": self.skill_level, "skill": self.skill}
        return _("Be among the top %(n)s contributors of a month") % {"n": self.threshold}


class BadgeAward(models.Model):
    """A badge a person earned. Once per person and badge. `uid` names its public Open Badges assertion."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="badge_awards")
    badge = models.ForeignKey(Badge, on_delete=models.CASCADE, related_name="awards")
    awarded_at = models.DateTimeField(_("awarded"), default=timezone.now)
    evidence = models.CharField(_("evidence"), max_length=255, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revocation_reason = models.CharField(_("why revoked"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("badge awarded")
        verbose_name_plural = _("badges awarded")
        ordering = ["-awarded_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["person", "badge"], name="one_award_per_person_and_badge")]

    def __str__(self):
        return f"{self.badge} → {self.person}"


# --- Kudos ---------------------------------------------------------------------------------------------


class Kudos(models.Model):
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="kudos_given")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="kudos_received")
    message = models.TextField(_("message"), max_length=500)
    skill = models.ForeignKey("skills.Skill", verbose_name=_("skill"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    hidden_at = models.DateTimeField(_("hidden by the recipient"), null=True, blank=True)
    # The form's one-time key: a double submit creates one kudos.
    submission_key = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("kudos")
        verbose_name_plural = _("kudos")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(sender=models.F("recipient")), name="no_self_kudos"),
            models.UniqueConstraint(
                fields=["sender", "submission_key"], condition=models.Q(submission_key__isnull=False), name="kudos_submitted_once"
            ),
        ]
        indexes = [
            models.Index(fields=["sender", "created_at"], name="kudos_sender_time"),
            models.Index(fields=["recipient", "-created_at"], name="kudos_recipient_recent"),
        ]

    def __str__(self):
        return f"{self.sender_id} → {self.recipient_id}"


# --- Contributor recognition ------------------------------------------------------------------------


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

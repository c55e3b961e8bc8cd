"""Enrolment rules, their runs, and the reminder policy L&D tunes."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guild.people.roles import Role


class EnrolmentRule(models.Model):
    """Who (the audience) gets what (a course or a path) and by when.

    Audience criteria combine with AND: "people in Sales and its sub-teams who joined in the
    last 30 days". At least one criterion is required, so that a rule never means "everyone"
    by accident."""

    name = models.CharField(_("name"), max_length=150)
    is_active = models.BooleanField(_("active"), default=True)
    # --- who
    team = models.ForeignKey(
        "people.Team", verbose_name=_("team (and its sub-teams)"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="enrolment_rules",
    )
    role = models.CharField(_("role"), max_length=40, choices=Role.choices, blank=True)
    joined_within_days = models.PositiveSmallIntegerField(
        _("hired within (days)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text=_("Only new hires: people whose hire date (from HR or SCIM) is in the last N days. "
                    "People without a hire date are not new hires."),
    )
    lacking_required_skills = models.BooleanField(
        _("lacking a skill level their job role requires"), default=False,
        help_text=_("Only people below a level their job role requires in a skill the course (or path) teaches."),
    )
    # --- what
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("course"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="enrolment_rules",
    )
    path = models.ForeignKey(
        "courses.LearningPathPage", verbose_name=_("learning path"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="enrolment_rules",
    )
    # --- by when
    due_in_days = models.PositiveSmallIntegerField(
        _("due after (days)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(730)],
        help_text=_("The due date is this many days after the person is enrolled."),
    )
    due_on = models.DateField(_("or due on"), null=True, blank=True, help_text=_("A fixed due date for everyone."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("enrolment rule")
        verbose_name_plural = _("enrolment rules")
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(course__isnull=False, path__isnull=True) | models.Q(course__isnull=True, path__isnull=False),
                name="rule_targets_a_course_or_a_path",
            ),
            models.CheckConstraint(
                condition=models.Q(team__isnull=False) | ~models.Q(role="") | models.Q(joined_within_days__isnull=False)
                | models.Q(lacking_required_skills=True),
                name="rule_has_an_audience",
            ),
            models.CheckConstraint(
                condition=models.Q(due_in_days__isnull=True) | models.Q(due_on__isnull=True),
                name="rule_has_one_kind_of_due_date",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def has_audience(self):
        return bool(self.team_id or self.role or self.joined_within_days or self.lacking_required_skills)

    def clean(self):
        errors = {}
        if not self.has_audience:
            errors["__all__"] = _(
                "Say who this rule is for: pick a team, a role, a joining period or the skill-gap option."
            )
        if bool(self.course_id) == bool(self.path_id):
            errors["course"] = _("Choose a course or a learning path (one of them).")
        if self.due_in_days and self.due_on:
            errors["due_on"] = _("Give either a number of days or a fixed date, not both.")
        if self.due_on and self.due_on < timezone.localdate():
            errors["due_on"] = _("The due date %(date)s is in the past: choose today or a later date.") % {
                "date": self.due_on.isoformat()
            }
        if errors:
            raise ValidationError(errors)

    @property
    def target(self):
        return self.course or self.path


class RuleRun(models.Model):
    """One execution of one rule: when, why, and what it did."""

    class Trigger(models.TextChoices):
        SCHEDULE = "schedule", _("Schedule")
        PERSON = "person", _("A person joined or changed team")
        MANUAL = "manual", _("Run now")

    rule = models.ForeignKey(EnrolmentRule, on_delete=models.CASCADE, related_name="runs")
    trigger = models.CharField(_("trigger"), max_length=20, choices=Trigger.choices, default=Trigger.SCHEDULE)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    matched_count = models.PositiveIntegerField(_("people matched"), default=0)
    enrolled_count = models.PositiveIntegerField(_("people enrolled"), default=0)
    skipped_count = models.PositiveIntegerField(_("rows skipped"), default=0)
    already_enrolled_count = models.PositiveIntegerField(_("already enrolled"), default=0,
                                                         help_text=_("Enrolments the rule did not make because "
                                                                     "the person already had one."))
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("rule run")
        verbose_name_plural = _("rule runs")
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["rule", "-started_at"], name="rulerun_rule_recent")]

    def __str__(self):
        return f"{self.rule_id} @ {self.started_at:%Y-%m-%d %H:%M}"


def validate_day_list(value):
    try:
        days = parse_day_list(value)
    except ValueError:
        days = None
    if not days or any(d < 1 or d > 90 for d in days):
        raise ValidationError(
            _("Write days before the due date as numbers from 1 to 90 separated by commas, e.g. “7, 1”.")
        )


def parse_day_list(value: str) -> list[int]:
    return sorted({int(part) for part in str(value).replace(" ", "").split(",") if part}, reverse=True)


class ReminderPolicy(models.Model):
    """The one reminder policy (row pk=1), edited by L&D. Defaults are sensible without edits."""

    before_due_days = models.CharField(
        _("remind before the due date (days)"), max_length=40, default="7,1", validators=[validate_day_list],
        help_text=_("Comma-separated, e.g. “7, 1”: one reminder 7 days before and one the day before."),
    )
    overdue_every_days = models.PositiveSmallIntegerField(
        _("when overdue, remind every (days)"), default=7, validators=[MinValueValidator(1), MaxValueValidator(90)]
    )
    overdue_max_reminders = models.PositiveSmallIntegerField(
        _("at most this many overdue reminders"), default=3, validators=[MaxValueValidator(20)],
        help_text=_("0 turns overdue reminders off."),
    )
    inactivity_days = models.PositiveSmallIntegerField(
        _("nudge after this many idle days"), default=14, validators=[MaxValueValidator(365)],
        help_text=_("For courses a person started but left untouched. 0 turns nudges off."),
    )
    escalate_after_days = models.PositiveSmallIntegerField(
        _("tell the manager after (days overdue)"), default=14, validators=[MaxValueValidator(365)],
        help_text=_("0 turns escalation off."),
    )
    digest_weekday = models.PositiveSmallIntegerField(
        _("weekly digests go out on"), default=0, validators=[MaxValueValidator(6)],
        choices=[(0, _("Monday")), (1, _("Tuesday")), (2, _("Wednesday")), (3, _("Thursday")), (4, _("Friday")),
                 (5, _("Saturday")), (6, _("Sunday"))],
    )
    manager_digest = models.BooleanField(_("weekly team digest for managers"), default=True)
    author_digest = models.BooleanField(_("weekly feedback digest for authors"), default=True)
    review_remind_hours = models.PositiveSmallIntegerField(
        _("remind reviewers this many hours before a review is due"), default=24, validators=[MaxValueValidator(720)]
    )
    review_escalate_days = models.PositiveSmallIntegerField(
        _("tell L&D when a review is this many days late"), default=2, validators=[MaxValueValidator(90)]
    )
    escalation_email = models.EmailField(
        _("also send L&D escalations to"), blank=True, help_text=_("Optional shared mailbox, e.g. learning@example.com.")
    )
    renewal_days_before = models.PositiveSmallIntegerField(
        _("renew certificates this many days before they expire"), default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    send_from_hour = models.PositiveSmallIntegerField(
        _("send from (hour, the person's time)"), default=8, validators=[MaxValueValidator(23)]
    )
    send_until_hour = models.PositiveSmallIntegerField(
        _("send until (hour, the person's time)"), default=20, validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text=_("Messages that fall outside these hours wait for the next morning in the person's time zone."),
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("reminder policy")
        verbose_name_plural = _("reminder policy")
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="one_reminder_policy"),
            models.CheckConstraint(condition=models.Q(send_from_hour__lt=models.F("send_until_hour")),
                                   name="send_window_is_not_empty"),
        ]

    def __str__(self):
        return str(_("Reminder policy"))

    def clean(self):
        if self.send_from_hour is not None and self.send_until_hour is not None and self.send_from_hour >= self.send_until_hour:
            raise ValidationError({"send_until_hour": _("“Send until” must be later than “send from”.")})

    @classmethod
    def get(cls) -> "ReminderPolicy":
        policy, _ = cls.objects.get_or_create(pk=1)
        return policy

    @property
    def before_due(self) -> list[int]:
        try:
            return parse_day_list(self.before_due_days)
        except ValueError:
            return [7, 1]

"""Badges L&D defines, and the badges people earned (published as Open Badges)."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .reasons import Reason


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

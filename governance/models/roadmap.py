"""The L&D mission, the business goals it serves, and the initiatives on the roadmap."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Pillar(models.TextChoices):
    TALENT = "talent", _("Talent and culture")
    PERFORMANCE = "performance", _("Business performance today and tomorrow")
    PRODUCTIVITY = "productivity", _("L&D productivity")


class Mission(models.Model):
    """The L&D mission statement. The newest row is the current mission; older rows are its history."""

    statement = models.TextField(_("mission statement"), max_length=2000)
    talent = models.TextField(_("talent and culture"), max_length=2000, blank=True)
    performance = models.TextField(_("business performance today and tomorrow"), max_length=2000, blank=True)
    productivity = models.TextField(_("L&D productivity"), max_length=2000, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("mission")
        ordering = ["-updated_at", "-id"]

    def __str__(self):
        return self.statement[:60]

    def pillars(self):
        return [(Pillar.TALENT.label, self.talent), (Pillar.PERFORMANCE.label, self.performance),
                (Pillar.PRODUCTIVITY.label, self.productivity)]


class BusinessGoal(models.Model):
    title = models.CharField(_("title"), max_length=200, unique=True)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    pillar = models.CharField(_("pillar"), max_length=20, choices=Pillar.choices, default=Pillar.PERFORMANCE)
    # How much the business cares, 1-5; feeds the needs priority score.
    weight = models.PositiveSmallIntegerField(_("weight"), default=3, validators=[MinValueValidator(1), MaxValueValidator(5)],
                                              help_text=_("1 (nice to have) to 5 (critical this year)."))
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                              verbose_name=_("owner"))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("business goal")
        verbose_name_plural = _("business goals")
        ordering = ["-weight", "title"]
        constraints = [models.CheckConstraint(condition=models.Q(weight__gte=1, weight__lte=5), name="goal_weight_1_to_5")]

    def __str__(self):
        return self.title


class InitiativeStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    ON_HOLD = "on_hold", _("On hold")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Initiative(models.Model):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    pillar = models.CharField(_("pillar"), max_length=20, choices=Pillar.choices)
    goal = models.ForeignKey(BusinessGoal, null=True, blank=True, on_delete=models.SET_NULL, related_name="initiatives",
                             verbose_name=_("business goal"))
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="owned_initiatives", verbose_name=_("owner"))
    # Whose budget it is: a team's (it counts in that team's spend and cost per learning hour) or,
    # with no team, the organisation's (counted for the whole organisation only, never split).
    team = models.ForeignKey("people.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             verbose_name=_("budget of team"),
                             help_text=_("Leave empty for an organisation-wide budget. A team's budget counts in "
                                         "that team's figures; an organisation-wide one only in the whole "
                                         "organisation's."))
    budget_planned = models.DecimalField(_("budget planned"), max_digits=12, decimal_places=2, default=0)
    budget_spent = models.DecimalField(_("budget spent"), max_digits=12, decimal_places=2, default=0)
    status = models.CharField(_("status"), max_length=20, choices=InitiativeStatus.choices, default=InitiativeStatus.PLANNED)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    courses = models.ManyToManyField("courses.CoursePage", blank=True, related_name="initiatives", verbose_name=_("courses"))
    paths = models.ManyToManyField("courses.LearningPathPage", blank=True, related_name="initiatives",
                                   verbose_name=_("learning paths"))
    needs = models.ManyToManyField("LearningNeed", blank=True, related_name="initiatives", verbose_name=_("learning needs"))
    kpis = models.ManyToManyField("KPIDefinition", blank=True, related_name="initiatives",
                                  verbose_name=_("KPIs it should move"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["starts_on", "title"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="initiative_ends_after_start",
                                   violation_error_message=_("The end date must be on or after the start date.")),
            models.CheckConstraint(condition=models.Q(budget_planned__gte=0, budget_spent__gte=0),
                                   name="initiative_budget_not_negative",
                                   violation_error_message=_("A budget cannot be negative.")),
        ]

    def __str__(self):
        return self.title

    @property
    def days(self):
        return (self.ends_on - self.starts_on).days + 1

    def share_of(self, amount, *, start, end):
        """`amount` (planned or spent) prorated to the days of the initiative inside [start, end]:
        spending is taken as spread evenly over the initiative's dates."""
        overlap = (min(self.ends_on, end) - max(self.starts_on, start)).days + 1
        if overlap <= 0:
            return amount * 0
        return amount * overlap / self.days

    @property
    def over_budget(self):
        return self.budget_spent > self.budget_planned

"""KPI definitions and their values over time, per team or for the whole organisation."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class KPITier(models.TextChoices):
    """The kinds of metric, from the cheapest to track to the most telling (maturity: metrics)."""

    SPEND = "spend", _("Spend")
    ENGAGEMENT = "engagement", _("Engagement")
    RELEVANCE = "relevance", _("Relevance")
    BUSINESS = "business", _("Business impact")
    READINESS = "readiness", _("Readiness")


class KPIDefinition(models.Model):
    slug = models.SlugField(_("key"), max_length=80, unique=True,
                            help_text=_("The name used in CSV imports, e.g. sales-cycle-days."))
    name = models.CharField(_("name"), max_length=150)
    tier = models.CharField(_("tier"), max_length=20, choices=KPITier.choices)
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    description = models.TextField(_("definition"), max_length=2000, blank=True)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2, null=True, blank=True)
    higher_is_better = models.BooleanField(_("higher is better"), default=True)
    # Where the values come from: MANUAL (typed or imported business data) or the key of a figure
    # the platform computes (governance.figures.KPI_SOURCES), which then has no hand-entered values.
    source = models.CharField(_("source"), max_length=60, default="manual",
                              help_text=_("A figure Guild computes from the platform, or values you enter by hand "
                                          "(business data such as turnover or the sales cycle)."))

    class Meta:
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")
        ordering = ["tier", "name"]

    MANUAL = "manual"

    def __str__(self):
        return self.name

    @property
    def is_computed(self):
        return self.source != self.MANUAL


class KPIValue(models.Model):
    """One point of a KPI series, for the whole organisation (team empty) or one team."""

    kpi = models.ForeignKey(KPIDefinition, on_delete=models.CASCADE, related_name="values")
    team = models.ForeignKey("people.Team", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["kpi", "team", "date"], nulls_distinct=False, name="one_kpi_value_per_team_and_date"),
        ]

    def __str__(self):
        return f"{self.kpi_id} {self.date}: {self.value}"

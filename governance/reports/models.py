"""A person's subscription to a report by email, weekly or monthly."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    MONTHLY = "monthly", _("Every month")


class ReportSubscription(models.Model):
    """`report` names a kind of report (governance.reports.catalogue), `target` which one (a figure's key,
    a course's or a person's id) and `params` its filters, as the report page's query string had them.
    Each period's email is an outbox message keyed on the subscription and the period, so it goes out
    once per week or month however often the sweep runs. A subscription whose person may no longer
    see the report is paused, with the reason, and sends nothing."""

    subscriber = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                   related_name="report_subscriptions")
    report = models.CharField(_("report"), max_length=20)
    target = models.CharField(_("which"), max_length=80)
    params = models.JSONField(_("filters"), default=dict, blank=True)
    frequency = models.CharField(_("how often"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    file_format = models.CharField(_("attachment"), max_length=4, choices=[("csv", "CSV"), ("xlsx", "Excel")],
                                   default="xlsx")
    paused_at = models.DateTimeField(_("paused"), null=True, blank=True)
    paused_reason = models.CharField(_("why it is paused"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("report subscription")
        verbose_name_plural = _("report subscriptions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "report", "target", "params", "frequency"],
                                    name="one_subscription_per_report_and_frequency"),
            models.CheckConstraint(condition=models.Q(frequency__in=["weekly", "monthly"]),
                                   name="report_subscription_frequency_known"),
        ]
        indexes = [models.Index(fields=["paused_at"], name="report_subscription_active")]

    def __str__(self):
        return f"{self.subscriber_id} {self.report}:{self.target} {self.frequency}"

    def period_key(self, today=None):
        """The email period `today` falls in: "2026-W48" for weekly, "2026-11" for monthly."""
        today = today or timezone.localdate()
        if self.frequency == Frequency.MONTHLY:
            return f"{today.year}-{today.month:02d}"
        year, week, _day = today.isocalendar()
        return f"{year}-W{week:02d}"

    def outbox_key(self, today=None):
        return f"report:{self.pk}:{self.period_key(today)}"

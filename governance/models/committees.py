"""Governance committees, their meetings, and the decisions and action items of each meeting."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from governance.models.roadmap import Initiative


class CommitteeKind(models.TextChoices):
    GOVERNANCE_BOARD = "governance_board", _("Governance Board")
    EXECUTIVE = "executive", _("Executive L&D Committee")
    STEERING = "steering", _("L&D Steering Committee")
    LEARNER_ADVISORY = "learner_advisory", _("Learner Advisory Committee")


# Committees whose meetings count as time with leadership (maturity: executive alignment).
LEADERSHIP_COMMITTEES = (CommitteeKind.GOVERNANCE_BOARD, CommitteeKind.EXECUTIVE)


class Cadence(models.TextChoices):
    WEEKLY = "weekly", _("Weekly")
    FORTNIGHTLY = "fortnightly", _("Every two weeks")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    TWICE_A_YEAR = "twice_a_year", _("Twice a year")


class Committee(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=CommitteeKind.choices)
    name = models.CharField(_("name"), max_length=150, unique=True)
    purpose = models.TextField(_("purpose"), max_length=2000, blank=True)
    cadence = models.CharField(_("cadence"), max_length=20, choices=Cadence.choices, default=Cadence.MONTHLY)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="committees", verbose_name=_("members"))
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                              verbose_name=_("chair"))

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name


class Meeting(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("date"))
    agenda = models.TextField(_("agenda"), max_length=4000)
    minutes = models.TextField(_("notes"), max_length=8000, blank=True)

    class Meta:
        verbose_name = _("meeting")
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"{self.committee} · {self.held_on:%Y-%m-%d}"


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"), max_length=2000)
    initiative = models.ForeignKey(Initiative, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions",
                                   verbose_name=_("initiative concerned"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:60]


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class ActionItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="governance_actions",
                              verbose_name=_("owner"))
    due_on = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["status", "due_on"], name="action_status_due")]

    def __str__(self):
        return self.title

    @property
    def is_overdue(self):
        return self.status == ActionStatus.OPEN and self.due_on < timezone.localdate()

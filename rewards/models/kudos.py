"""Kudos one person gives another."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


class WebhookEndpoint(models.Model):
    """A receiving system's URL, the events it wants, and the secret its deliveries are signed with."""

    name = models.CharField(_("name"), max_length=120, help_text=_("The receiving system, e.g. “HR system”."))
    url = models.URLField(_("URL"), max_length=500, help_text=_("Guild POSTs each event here as JSON."))
    secret = models.CharField(_("signing secret"), max_length=200, default=new_secret,
                              help_text=_("Shared with the receiving system, which checks each delivery's signature."))
    # A JSON list rather than a PostgreSQL array: the demo runs on SQLite.
    events = models.JSONField(_("events"), default=list, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.url})"

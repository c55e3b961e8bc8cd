from django.db import models
from django.utils.translation import gettext_lazy as _


class Heartbeat(models.Model):
    """Written by Celery beat through a worker: shows that both are alive and doing work."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    seen_at = models.DateTimeField(_("last seen"))
    hostname = models.CharField(_("worker"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")

    def __str__(self):
        return f"{self.name} @ {self.seen_at:%Y-%m-%d %H:%M:%S}"

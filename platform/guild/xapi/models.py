"""Learning record stores (LRS) that Guild sends xAPI statements to, and the statement outbox."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guild.events.models import LearningEvent, Verb
from guild.notifications.models import OutboxStatus


class ActorFormat(models.TextChoices):
    MBOX_SHA1SUM = "mbox_sha1sum", _("Hashed email address (mbox_sha1sum)")
    ACCOUNT = "account", _("Guild account (home page and person id)")


# The name reserved for the LRS configured from the environment (GUILD_XAPI_LRS_URL).
ENVIRONMENT_LRS = "environment"


class LearningRecordStore(models.Model):
    name = models.SlugField(_("name"), max_length=60, unique=True,
                            help_text=_("A short name, used by `manage.py export_xapi --lrs NAME`."))
    endpoint = models.URLField(_("endpoint"), max_length=500,
                               help_text=_("The LRS's xAPI base URL, e.g. https://lrs.example.com/xAPI/"))
    key = models.CharField(_("key"), max_length=200, help_text=_("The Basic authentication user name."))
    secret = models.CharField(_("secret"), max_length=200)
    actor_format = models.CharField(_("identify people by"), max_length=20, choices=ActorFormat.choices,
                                    default=ActorFormat.MBOX_SHA1SUM)
    # The learning-event verbs to send; empty sends every one.
    verbs = models.JSONField(_("events to send"), default=list, blank=True,
                             help_text=_("Leave every box empty to send every kind of event."))
    is_active = models.BooleanField(_("sending"), default=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("learning record store")
        verbose_name_plural = _("learning record stores")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.name == ENVIRONMENT_LRS:
            raise ValidationError({"name": _("“%(name)s” is kept for the LRS set in the environment.") % {
                "name": ENVIRONMENT_LRS}})
        unknown = set(self.verbs or []) - set(Verb.values)
        if unknown:
            raise ValidationError({"verbs": _("Unknown events: %(names)s") % {"names": ", ".join(sorted(unknown))}})


class StatementDelivery(models.Model):
    """One learning event to one LRS, written in the transaction that records the event.

    The same claim/lease/backoff design as notifications.OutboxMessage (read its docstring): the key
    is unique in the database, so a second enqueue of the same event inserts nothing, and the statement
    id is derived from the event, so a batch sent twice (worker died after the LRS answered) is
    recognised by the LRS as the same statements."""

    key = models.CharField(_("key"), max_length=200, unique=True)
    lrs_name = models.CharField(_("LRS"), max_length=60)
    event = models.ForeignKey(LearningEvent, on_delete=models.PROTECT, related_name="+")
    statement_id = models.UUIDField(_("statement id"), default=uuid.uuid4)
    status = models.CharField(_("status"), max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.QUEUED)
    send_after = models.DateTimeField(_("send after"), default=timezone.now)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    claim_token = models.CharField(max_length=32, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("xAPI statement delivery")
        verbose_name_plural = _("xAPI statement deliveries")
        indexes = [models.Index(fields=["status", "send_after"], name="xapi_delivery_ready")]

    def __str__(self):
        return self.key

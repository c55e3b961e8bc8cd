from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .conf import site_path


class Notification(models.Model):
    """An in-app notification. `kind` is a dotted name such as "review.assigned"."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("kind"), max_length=60)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("message"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    # Makes a notification idempotent: one per (recipient, key) when a key is given.
    dedupe_key = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "dedupe_key"], condition=~models.Q(dedupe_key=""), name="one_notification_per_key"
            )
        ]

    def __str__(self):
        return self.title

    @property
    def link(self):
        """The link to show in Guild: relative, also for notices stored before links were kept relative."""
        return site_path(self.url)


class Channel(models.TextChoices):
    """What a person receives for one kind of message."""

    ALL = "all", _("Email and in-app")
    IN_APP = "in_app", _("In-app only")
    OFF = "off", _("Nothing")


class DeliveryPreference(models.Model):
    """A person's choice for one kind of message. No row means email and in-app."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="delivery_preferences")
    kind = models.CharField(_("kind"), max_length=60)
    channel = models.CharField(_("delivery"), max_length=10, choices=Channel.choices, default=Channel.ALL)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("delivery preference")
        verbose_name_plural = _("delivery preferences")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_user_and_kind")]

    def __str__(self):
        return f"{self.user_id} {self.kind}: {self.channel}"


class OutboxStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Not sent (turned off)")


class OutboxMessage(models.Model):
    """One message to one person, written once under a unique key and sent from here.

    The key names the occurrence ("reminder:due-7:<enrolment>:<due date>"), so a sweep that
    runs twice, or dies and is run again, inserts nothing new: uniqueness lives in the
    database, never in the broker. The sender claims rows (queued → sending), sends, and
    marks each one sent or failed."""

    key = models.CharField(_("key"), max_length=200, unique=True)
    # None for an address that is not a person's (e.g. L&D's shared mailbox, in `to_email`).
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="outbox_messages"
    )
    to_email = models.EmailField(_("to"), blank=True, help_text=_("Only when there is no recipient person."))
    kind = models.CharField(_("kind"), max_length=60)
    # What the renderer of `kind` needs (ids, titles, dates); rendered in the recipient's language at send time.
    payload = models.JSONField(_("payload"), default=dict, blank=True)
    # Mandatory (compliance) messages ignore the person's preferences and carry no unsubscribe link.
    mandatory = models.BooleanField(_("mandatory"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.QUEUED)
    send_after = models.DateTimeField(_("send after"), default=timezone.now)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    claim_token = models.CharField(max_length=32, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    # What went out, kept for the outbox page (the demo's email backend is the console).
    subject = models.CharField(_("subject"), max_length=250, blank=True)
    body = models.TextField(_("message"), blank=True)
    channels = models.CharField(_("delivered by"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["status", "send_after"], name="outbox_ready"),
            models.Index(fields=["status", "-id"], name="outbox_by_status"),
        ]
        constraints = [
            models.CheckConstraint(
                # A webhook delivery is addressed to its endpoint (guild.webhooks), named in its payload.
                condition=models.Q(recipient__isnull=False) | ~models.Q(to_email="") | models.Q(kind="webhook"),
                name="outbox_message_has_an_addressee"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="sent") | models.Q(sent_at__isnull=False), name="sent_messages_have_sent_at"
            ),
        ]

    def __str__(self):
        return self.key

"""The append-only learning-event log, shaped like an xAPI statement
(actor, verb, object, result, context, timestamp) so that it can be exported as xAPI.

Dashboards never read this table per page view: they read rollups kept by Celery."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Verb(models.TextChoices):
    # Named after ADL/xAPI verbs, so that events can be sent as xAPI statements.
    REGISTERED = "registered", _("enrolled")
    UNREGISTERED = "unregistered", _("unenrolled")
    EXPERIENCED = "experienced", _("viewed")
    COMPLETED = "completed", _("completed")
    ATTEMPTED = "attempted", _("attempted")
    PASSED = "passed", _("passed")
    FAILED = "failed", _("failed")
    REACTED = "reacted", _("reacted")
    RATED = "rated", _("rated")
    COMMENTED = "commented", _("commented")
    ASKED = "asked", _("asked")
    ANSWERED = "answered", _("answered")
    CERTIFIED = "certified", _("was certified")
    AUTHORED = "authored", _("authored")
    REVIEWED = "reviewed", _("reviewed")
    PUBLISHED = "published", _("published")
    THANKED = "thanked", _("gave kudos")


class LearningEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("The learning-event log is append-only.")

    def delete(self):
        raise TypeError("The learning-event log is append-only.")


class LearningEvent(models.Model):
    id = models.BigAutoField(primary_key=True)
    timestamp = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="learning_events", verbose_name=_("actor")
    )
    verb = models.CharField(_("verb"), max_length=20, choices=Verb.choices)
    object_type = models.CharField(_("object type"), max_length=40, help_text=_("e.g. course, lesson, quiz"))
    object_id = models.CharField(_("object id"), max_length=64)
    object_name = models.CharField(_("object name"), max_length=255, blank=True)
    # Context denormalised at write time so rollups group without joins.
    course_id = models.BigIntegerField(_("course"), null=True, blank=True)
    team_id = models.BigIntegerField(_("team"), null=True, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    context = models.JSONField(_("context"), default=dict, blank=True)

    objects = LearningEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("learning event")
        verbose_name_plural = _("learning events")
        indexes = [
            models.Index(fields=["verb", "timestamp"], name="event_verb_time"),
            models.Index(fields=["actor", "timestamp"], name="event_actor_time"),
            models.Index(fields=["course_id", "timestamp"], name="event_course_time"),
        ]

    def __str__(self):
        return f"{self.actor_id} {self.verb} {self.object_type}:{self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise TypeError("The learning-event log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("The learning-event log is append-only.")

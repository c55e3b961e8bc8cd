from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enrolment import Enrolment
from .pages import LessonPage


class QuizAttempt(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="quiz_attempts")
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="quiz_attempts")
    attempt_number = models.PositiveSmallIntegerField(_("attempt"))
    answers = models.JSONField(_("answers"), default=dict)  # {question_block_id: [choice_id, ...]}
    score = models.PositiveSmallIntegerField(_("score (%)"), validators=[MaxValueValidator(100)])
    passed = models.BooleanField(_("passed"))
    created_at = models.DateTimeField(_("submitted"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson", "attempt_number"], name="quiz_attempt_numbered_once")
        ]
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.enrolment_id}: {self.lesson_id} #{self.attempt_number} ({self.score}%)"



class AttemptRequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    GRANTED = "granted", _("Granted")
    DECLINED = "declined", _("Declined")


class AttemptRequest(models.Model):
    """A learner who used every attempt at a quiz asks for more; a course author or L&D decides.
    A granted request adds `extra_attempts` to the course's limit for this learner and quiz."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attempt_requests")
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="attempt_requests")
    message = models.TextField(_("message"), blank=True, max_length=2000)
    status = models.CharField(_("status"), max_length=10, choices=AttemptRequestStatus.choices,
                              default=AttemptRequestStatus.PENDING)
    extra_attempts = models.PositiveSmallIntegerField(_("extra attempts"), default=0)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note to the learner"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("request for more quiz attempts")
        verbose_name_plural = _("requests for more quiz attempts")
        ordering = ["requested_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson"], condition=models.Q(status="pending"), name="one_pending_attempt_request"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="granted") | models.Q(extra_attempts__gte=1), name="granted_requests_add_attempts"
            ),
        ]
        indexes = [models.Index(fields=["status", "requested_at"], name="attempt_request_status")]

    def __str__(self):
        return f"{self.enrolment_id}: {self.lesson_id} ({self.status})"

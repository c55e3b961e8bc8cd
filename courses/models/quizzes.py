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


"""Retention boosters: after a course, its quiz questions come back on a spaced-repetition schedule."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enrolment import Enrolment
from .pages import CoursePage, LessonPage


class BoosterItem(models.Model):
    """One question of a completed course, for one learner: where it stands on the schedule.

    `step` indexes the intervals (GUILD_BOOSTER_INTERVALS); a right answer moves it on, a wrong one
    back to the first. Past the last interval the question is retired (due_on is None)."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="booster_items")
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="booster_items")
    block_id = models.CharField(_("question"), max_length=64)  # the question block's stable id
    step = models.PositiveSmallIntegerField(_("step"), default=0)
    due_on = models.DateField(_("next"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("retention booster")
        verbose_name_plural = _("retention boosters")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson", "block_id"], name="one_booster_per_question"),
        ]
        indexes = [models.Index(fields=["due_on"], name="booster_due")]

    def __str__(self):
        return f"{self.enrolment_id}: {self.lesson_id}/{self.block_id} (step {self.step}, {self.due_on})"


class BoosterPrompt(models.Model):
    """One question asked on one day: the unique (item, asked_on) is what makes a sweep that runs
    twice ask nothing twice. The answer is recorded here, once."""

    item = models.ForeignKey(BoosterItem, on_delete=models.CASCADE, related_name="prompts")
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="booster_prompts")
    asked_on = models.DateField(_("asked"))
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    choices = models.JSONField(_("answer"), default=list, blank=True)  # the picked choice indexes
    correct = models.BooleanField(_("right"), null=True, blank=True)

    class Meta:
        verbose_name = _("retention booster question")
        verbose_name_plural = _("retention booster questions")
        ordering = ["-asked_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["item", "asked_on"], name="one_booster_prompt_per_day"),
        ]
        indexes = [models.Index(fields=["learner", "asked_on"], name="booster_prompt_learner_day")]

    def __str__(self):
        return f"{self.item_id} on {self.asked_on}"


class BoosterOptOut(models.Model):
    """A learner who turned retention boosters off for one course."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="booster_opt_outs")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="booster_opt_outs")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["learner", "course"], name="one_booster_opt_out")]

    def __str__(self):
        return f"{self.learner_id} off for {self.course_id}"

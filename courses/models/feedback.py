"""Feedback to authors: reactions and questions on lessons, ratings of courses."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .pages import CoursePage, LessonPage


class ReactionKind(models.TextChoices):
    USEFUL = "useful", _("Useful")
    LEARNED = "learned", _("I learned something")
    OUTDATED = "outdated", _("Outdated")
    QUESTION = "question", _("I have a question")


class LessonReaction(models.Model):
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_reactions")
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="reactions")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="lesson_reactions")
    kind = models.CharField(_("reaction"), max_length=20, choices=ReactionKind.choices)
    # A question's text, or why a learner flags the lesson outdated (required for both).
    text = models.TextField(_("question or reason"), blank=True, max_length=2000)
    # The learner chose not to show their name to the authors.
    anonymous = models.BooleanField(_("hide my name from the authors"), default=False)
    created_at = models.DateTimeField(default=timezone.now)
    answer = models.TextField(_("answer"), blank=True, max_length=5000)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # One of each kind per learner and lesson, except questions: ask as many as you need.
            models.UniqueConstraint(
                fields=["learner", "lesson", "kind"], condition=~models.Q(kind="question"), name="one_reaction_of_a_kind"
            ),
            models.CheckConstraint(condition=~models.Q(kind="question") | ~models.Q(text=""), name="question_has_text"),
        ]
        indexes = [models.Index(fields=["course", "kind", "created_at"], name="reaction_course_kind")]

    def __str__(self):
        return f"{self.kind}: {self.lesson_id}"


class StarRating(models.Model):
    """One learner's 1-5 stars on something they study (a course, a lesson); rating again changes it.
    The saving rule is one function for every kind: courses.services.feedback.save_stars."""

    stars = models.PositiveSmallIntegerField(_("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class CourseRating(StarRating):
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="course_ratings")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="ratings")
    relevant = models.BooleanField(_("relevant to my job"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    anonymous = models.BooleanField(_("hide my name from the authors"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["learner", "course"], name="one_rating_per_learner_and_course"),
            models.CheckConstraint(condition=models.Q(stars__gte=1, stars__lte=5), name="stars_1_to_5"),
        ]

    def __str__(self):
        return f"{self.course_id}: {self.stars}/5"


class LessonRating(StarRating):
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_ratings")
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="ratings")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="lesson_ratings")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["learner", "lesson"], name="one_rating_per_learner_and_lesson"),
            models.CheckConstraint(condition=models.Q(stars__gte=1, stars__lte=5), name="lesson_stars_1_to_5"),
        ]

    def __str__(self):
        return f"{self.lesson_id}: {self.stars}/5"

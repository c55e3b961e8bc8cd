"""Why points are paid, and the two tracks (learning, contributing) they count on."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Track(models.TextChoices):
    LEARNER = "learner", _("Learning")
    CONTRIBUTOR = "contributor", _("Contributing")


class Reason(models.TextChoices):
    COURSE_COMPLETED = "course_completed", _("Completed a course")
    QUIZ_FIRST_TIME = "quiz_first_time", _("Passed a quiz first time")
    LEARNING_STREAK = "learning_streak", _("Learning streak")
    COURSE_PUBLISHED = "course_published", _("Published a course")
    REVIEW_COMPLETED = "review_completed", _("Completed a review")
    QUESTION_ANSWERED = "question_answered", _("Answered a learner's question")
    LESSON_USEFUL = "lesson_useful", _("A learner found a lesson useful")
    NEED_FULFILLED = "need_fulfilled", _("Fulfilled a learning need")
    KUDOS_RECEIVED = "kudos_received", _("Received kudos")


LEARNER_REASONS = frozenset({Reason.COURSE_COMPLETED, Reason.QUIZ_FIRST_TIME, Reason.LEARNING_STREAK})


def track_of(reason) -> str:
    return Track.LEARNER if reason in LEARNER_REASONS else Track.CONTRIBUTOR

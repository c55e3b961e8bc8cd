"""Signals other apps listen to (rewards, sme, automation). Sent by courses.services after commit.

Each sends sender=<model class> and the keyword arguments named here."""

from django.db import transaction
from django.dispatch import Signal

enrolled = Signal()  # enrolment
lesson_completed = Signal()  # enrolment, lesson
quiz_attempted = Signal()  # attempt (QuizAttempt), first_attempt (bool)
course_completed = Signal()  # enrolment, certificate (or None)
reaction_added = Signal()  # reaction (LessonReaction)
course_rated = Signal()  # rating (CourseRating), created (bool)
question_answered = Signal()  # reaction (LessonReaction), answered_by
post_created = Signal()  # post (DiscussionPost)


def send_on_commit(signal, sender, **kwargs):
    # Listeners must never see a change the transaction could still roll back.
    transaction.on_commit(lambda: signal.send(sender=sender, **kwargs))

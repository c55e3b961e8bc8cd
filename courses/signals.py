"""Signals other apps listen to (rewards, sme, automation). Sent by courses.services after commit.

Each sends sender=<model class> and the keyword arguments named here."""

from django.dispatch import Signal

enrolled = Signal()  # enrolment
lesson_completed = Signal()  # enrolment, lesson
quiz_attempted = Signal()  # attempt (QuizAttempt), first_attempt (bool)
course_completed = Signal()  # enrolment, certificate (or None)
reaction_added = Signal()  # reaction (LessonReaction)
course_rated = Signal()  # rating (CourseRating), created (bool)
question_answered = Signal()  # reaction (LessonReaction), answered_by
post_created = Signal()  # post (DiscussionPost)

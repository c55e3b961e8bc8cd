"""Turn other apps' events into points and badges. Connected in RewardsConfig.ready().

The senders run these after their own transaction has committed, so a failure here must not
undo or break the learner's action: each receiver logs its error with context and returns."""

import functools
import logging

from django.db import transaction
from django.db.models.signals import post_save
from django.utils.translation import gettext as _
from wagtail.signals import page_published

from courses import signals as course_signals
from courses.models import CourseAuthor, CoursePage, ReactionKind
from governance.review.signals import review_completed
from governance.signals import need_fulfilled
from guild.skills.models import PersonSkill

from .badges import evaluate_completion_badges, evaluate_skill_badges
from .models import Reason
from .services import award_points, record_learning_day

logger = logging.getLogger(__name__)


def _logged(receiver):
    @functools.wraps(receiver)
    def wrapper(*args, **kwargs):
        try:
            return receiver(*args, **kwargs)
        except Exception:
            logger.exception("rewards: receiver %s failed (kwargs=%r)", receiver.__name__, {k: repr(v) for k, v in kwargs.items()})
            return None

    return wrapper


@_logged
def on_lesson_completed(sender, enrolment, lesson, **kwargs):
    record_learning_day(person=enrolment.learner)


@_logged
def on_quiz_attempted(sender, attempt, first_attempt=False, **kwargs):
    learner = attempt.enrolment.learner
    record_learning_day(person=learner, when=attempt.created_at)
    if first_attempt and attempt.passed:
        award_points(
            person=learner, reason=Reason.QUIZ_FIRST_TIME, source=attempt,
            description=_("Passed the quiz of “%(lesson)s” first time") % {"lesson": attempt.lesson.title},
        )


@_logged
def on_course_completed(sender, enrolment, certificate=None, **kwargs):
    learner, course = enrolment.learner, enrolment.course
    with transaction.atomic():
        award_points(
            person=learner, reason=Reason.COURSE_COMPLETED, source=enrolment,
            description=_("Completed “%(course)s”") % {"course": course.title},
        )
        evaluate_completion_badges(person=learner, course=course)
    record_learning_day(person=learner)


@_logged
def on_reaction_added(sender, reaction, **kwargs):
    """Authors earn points per distinct learner who marks a lesson useful; their own marks earn nothing."""
    if reaction.kind != ReactionKind.USEFUL:
        return
    authors = list(CourseAuthor.objects.filter(course=reaction.course_id).select_related("user"))
    if any(a.user_id == reaction.learner_id for a in authors):
        return
    for author in authors:
        award_points(
            person=author.user, reason=Reason.LESSON_USEFUL,
            # One entry per (author, lesson, learner): unmarking and marking again pays nothing more.
            source=("courses.lessonpage.useful", f"{reaction.lesson_id}:{reaction.learner_id}"),
            description=_("A learner found “%(lesson)s” useful") % {"lesson": reaction.lesson.title},
        )


@_logged
def on_question_answered(sender, reaction, answered_by, **kwargs):
    if answered_by is None or answered_by.pk == reaction.learner_id:
        return
    award_points(
        person=answered_by, reason=Reason.QUESTION_ANSWERED, source=reaction,
        description=_("Answered a question on “%(lesson)s”") % {"lesson": reaction.lesson.title},
    )


@_logged
def on_page_published(sender, instance, **kwargs):
    page = instance.specific if hasattr(instance, "specific") else instance
    if not isinstance(page, CoursePage):
        return
    for author in page.course_authors.select_related("user"):
        award_points(
            person=author.user, reason=Reason.COURSE_PUBLISHED, source=("courses.coursepage", page.pk),
            description=_("Published “%(course)s”") % {"course": page.title},
        )


@_logged
def on_review_completed(sender, assignment, reviewer, course=None, decision=None, **kwargs):
    title = getattr(course, "title", "")
    award_points(
        person=reviewer, reason=Reason.REVIEW_COMPLETED, source=assignment,
        description=_("Reviewed “%(course)s”") % {"course": title} if title else "",
    )


@_logged
def on_need_fulfilled(sender, need, course=None, volunteers=(), **kwargs):
    """The authors of the course that answered the need fulfilled it; without authors, the volunteers."""
    people = [a.user for a in course.course_authors.select_related("user")] if course is not None else []
    for contributor in people or list(volunteers):
        award_points(
            person=contributor, reason=Reason.NEED_FULFILLED, source=need,
            description=_("Fulfilled the learning need “%(need)s”") % {"need": str(need)[:150]},
        )


@_logged
def on_person_skill_saved(sender, instance, **kwargs):
    evaluate_skill_badges(person_skill=instance)


def connect():
    uid = "rewards"
    course_signals.lesson_completed.connect(on_lesson_completed, dispatch_uid=f"{uid}.lesson_completed")
    course_signals.quiz_attempted.connect(on_quiz_attempted, dispatch_uid=f"{uid}.quiz_attempted")
    course_signals.course_completed.connect(on_course_completed, dispatch_uid=f"{uid}.course_completed")
    course_signals.reaction_added.connect(on_reaction_added, dispatch_uid=f"{uid}.reaction_added")
    course_signals.question_answered.connect(on_question_answered, dispatch_uid=f"{uid}.question_answered")
    page_published.connect(on_page_published, dispatch_uid=f"{uid}.page_published")
    post_save.connect(on_person_skill_saved, sender=PersonSkill, dispatch_uid=f"{uid}.person_skill")
    review_completed.connect(on_review_completed, dispatch_uid=f"{uid}.governance.review.signals.review_completed")
    need_fulfilled.connect(on_need_fulfilled, dispatch_uid=f"{uid}.governance.signals.need_fulfilled")

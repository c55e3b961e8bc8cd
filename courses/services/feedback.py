"""Feedback to authors: reactions and questions on lessons, answers, course ratings."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from guild.events.models import Verb
from guild.events.services import record_event
from guild.notifications.services import notify
from guild.people.roles import Role

from .. import signals
from ..models.feedback import CourseRating, LessonReaction, ReactionKind
from .enrolment import active_enrolment_for, course_of
from .errors import LearningError
from .limits import MAX_COMMENT_LENGTH, MAX_QUESTION_LENGTH
from .stats import bump_stats


def react(*, learner, lesson, kind, text=""):
    """A reaction on a lesson. Questions need text and may be asked many times; any other kind
    is once per learner and lesson (a repeat returns the first). Returns (reaction, created)."""
    if kind not in ReactionKind.values:
        raise LearningError(_("Choose one of the reactions offered."))
    if not lesson.live:
        raise LearningError(_("This lesson is not published."))
    text = (text or "").strip()
    if kind == ReactionKind.QUESTION:
        if not text:
            raise LearningError(_("Write your question so the authors can answer it."))
        if len(text) > MAX_QUESTION_LENGTH:
            raise LearningError(gettext("Keep your question under %(n)d characters.") % {"n": MAX_QUESTION_LENGTH})
    else:
        text = ""
    course = course_of(lesson=lesson)
    active_enrolment_for(learner=learner, course_id=course.pk)
    with transaction.atomic():
        if kind != ReactionKind.QUESTION:
            existing = LessonReaction.objects.filter(learner=learner, lesson=lesson, kind=kind).first()
            if existing:
                return existing, False
        try:
            with transaction.atomic():
                reaction = LessonReaction.objects.create(learner=learner, lesson=lesson, course=course, kind=kind, text=text)
        except IntegrityError:
            return LessonReaction.objects.get(learner=learner, lesson=lesson, kind=kind), False
        counter = {ReactionKind.USEFUL: "useful_count", ReactionKind.OUTDATED: "outdated_count",
                   ReactionKind.QUESTION: "question_count"}.get(kind)
        if counter:
            bump_stats(course.pk, **{counter: 1})
        record_event(
            actor=learner, verb=Verb.ASKED if kind == ReactionKind.QUESTION else Verb.REACTED, object_type="lesson",
            object_id=lesson.pk, object_name=lesson.title, course_id=course.pk, result={"response": str(kind)},
        )
        signals.send_on_commit(signals.reaction_added, LessonReaction, reaction=reaction)
    return reaction, True


def answer_question(*, reaction, answered_by, answer):
    """An author (or L&D) answers a learner's question; the learner is notified."""
    answer = (answer or "").strip()
    if reaction.kind != ReactionKind.QUESTION:
        raise LearningError(_("Only questions can be answered."))
    if not answer:
        raise LearningError(_("Write an answer."))
    if len(answer) > MAX_COMMENT_LENGTH:
        raise LearningError(gettext("Keep your answer under %(n)d characters.") % {"n": MAX_COMMENT_LENGTH})
    is_author = reaction.course.course_authors.filter(user=answered_by).exists()
    if not (is_author or answered_by.has_role(Role.LD_ADMIN)):
        raise LearningError(_("Only the course's authors can answer its questions."))
    with transaction.atomic():
        reaction.answer, reaction.answered_by, reaction.answered_at = answer, answered_by, timezone.now()
        reaction.save(update_fields=["answer", "answered_by", "answered_at"])
        record_event(
            actor=answered_by, verb=Verb.ANSWERED, object_type="question", object_id=reaction.pk,
            object_name=reaction.lesson.title, course_id=reaction.course_id,
        )
        notify(
            recipient=reaction.learner, kind="question_answered", title=gettext("Your question was answered"),
            body=answer[:500], url=reaction.lesson.url or "", dedupe_key=f"question-answered:{reaction.pk}",
        )
        signals.send_on_commit(signals.question_answered, LessonReaction, reaction=reaction, answered_by=answered_by)
    return reaction


def rate_course(*, learner, course, stars, relevant=None, comment=""):
    """Rate a course 1-5 and say whether it is relevant to one's job. Rating again updates it.
    Returns (rating, created)."""
    try:
        stars = int(stars)
    except (TypeError, ValueError):
        stars = 0
    if not 1 <= stars <= 5:
        raise LearningError(_("Choose a rating from 1 to 5 stars."))
    comment = (comment or "").strip()
    if len(comment) > 2000:
        raise LearningError(gettext("Keep your comment under %(n)d characters.") % {"n": 2000})
    active_enrolment_for(learner=learner, course_id=course.pk)
    with transaction.atomic():
        rating = CourseRating.objects.select_for_update().filter(learner=learner, course=course).first()
        created = rating is None
        if created:
            try:
                with transaction.atomic():
                    rating = CourseRating.objects.create(
                        learner=learner, course=course, stars=stars, relevant=relevant, comment=comment
                    )
            except IntegrityError:
                raise LearningError(_("Your rating was already saved.")) from None
            deltas = {"rating_sum": stars, "rating_count": 1}
            if relevant is not None:
                deltas.update(relevant_count=1, relevant_yes=int(relevant))
        else:
            deltas = {"rating_sum": stars - rating.stars}
            old, new = rating.relevant, relevant
            deltas["relevant_count"] = (new is not None) - (old is not None)
            deltas["relevant_yes"] = int(bool(new)) - int(bool(old))
            rating.stars, rating.relevant, rating.comment = stars, relevant, comment
            rating.save(update_fields=["stars", "relevant", "comment", "updated_at"])
        bump_stats(course.pk, **{k: v for k, v in deltas.items() if v})
        record_event(
            actor=learner, verb=Verb.RATED, object_type="course", object_id=course.pk, object_name=course.title,
            course_id=course.pk, result={"score": {"raw": stars, "min": 1, "max": 5}, "relevant": relevant},
        )
        signals.send_on_commit(signals.course_rated, CourseRating, rating=rating, created=created)
    return rating, created

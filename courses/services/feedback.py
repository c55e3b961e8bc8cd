"""Feedback to authors: reactions and questions on lessons, answers, course ratings."""

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from guild.events.models import Verb
from guild.events.services import record_event
from guild.notifications.services import notify
from guild.people.roles import Role

from .. import signals
from ..models.feedback import CourseRating, LessonRating, LessonReaction, ReactionKind
from .enrolment import active_enrolment_for, course_of
from .errors import LearningError
from .limits import MAX_COMMENT_LENGTH, MAX_QUESTION_LENGTH
from .stats import bump_stats


def react(*, learner, lesson, kind, text="", anonymous=False):
    """A reaction on a lesson. Questions need text and may be asked many times; "outdated" needs
    a reason (the authors must know what to fix); any other kind is once per learner and lesson
    (a repeat returns the first). `anonymous` hides the learner's name from the authors.
    Returns (reaction, created)."""
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
    elif kind == ReactionKind.OUTDATED:
        if not text:
            raise LearningError(_("Say what is outdated, so the authors know what to fix."))
        if len(text) > MAX_QUESTION_LENGTH:
            raise LearningError(gettext("Keep your reason under %(n)d characters.") % {"n": MAX_QUESTION_LENGTH})
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
                reaction = LessonReaction.objects.create(
                    learner=learner, lesson=lesson, course=course, kind=kind, text=text, anonymous=bool(anonymous)
                )
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


_COUNTERS = {ReactionKind.USEFUL: "useful_count", ReactionKind.OUTDATED: "outdated_count"}


def withdraw_reaction(*, learner, lesson, kind):
    """Undo one's reaction of `kind` on a lesson (not a question: those are answered, not undone).
    Undoing what is not there changes nothing, so a double click is harmless. Returns True if removed."""
    if kind not in ReactionKind.values or kind == ReactionKind.QUESTION:
        raise LearningError(_("Choose one of the reactions offered."))
    with transaction.atomic():
        removed, _by_model = LessonReaction.objects.filter(learner=learner, lesson=lesson, kind=kind).delete()
        if removed and kind in _COUNTERS:
            bump_stats(course_of(lesson=lesson).pk, **{_COUNTERS[kind]: -1})
    return bool(removed)


def reaction_counts(*, lesson, user=None) -> tuple[dict, set]:
    """({kind: how many learners reacted so}, {kinds `user` chose}) for the lesson's one-click
    reactions. One query."""
    mine = models.Count("id", filter=models.Q(learner=user)) if user is not None else models.Value(0)
    rows = (
        LessonReaction.objects.filter(lesson=lesson).exclude(kind=ReactionKind.QUESTION)
        .values("kind").annotate(n=models.Count("id"), mine=mine).values_list("kind", "n", "mine")
    )
    counts = {kind: 0 for kind in ReactionKind.values if kind != ReactionKind.QUESTION}
    chosen = set()
    for kind, n, by_user in rows:
        counts[kind] = n
        if by_user:
            chosen.add(kind)
    return counts, chosen


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
            recipient=reaction.learner, kind="question_answered", title=lambda: gettext("Your question was answered"),
            body=answer[:500], url=reaction.lesson.url or "", dedupe_key=f"question-answered:{reaction.pk}",
        )
        signals.send_on_commit(signals.question_answered, LessonReaction, reaction=reaction, answered_by=answered_by)
    return reaction


def parse_stars(stars) -> int:
    """1 to 5, or a LearningError that says so (0, 6, "", "five" are refused alike)."""
    try:
        value = int(str(stars).strip())
    except (TypeError, ValueError):
        value = 0
    if not 1 <= value <= 5:
        raise LearningError(_("Choose a rating from 1 to 5 stars."))
    return value


def save_stars(model, *, learner, stars, **target):
    """Create or change `learner`'s rating of a target (e.g. course=…, lesson=…) with `stars`, locked
    so that two tabs cannot make two. Returns (rating, created, previous stars or None)."""
    rating = model.objects.select_for_update().filter(learner=learner, **target).first()
    if rating is not None:
        previous, rating.stars = rating.stars, stars
        return rating, False, previous
    try:
        with transaction.atomic():
            return model.objects.create(learner=learner, stars=stars, **target), True, None
    except IntegrityError:
        raise LearningError(_("Your rating was already saved.")) from None


def rate_course(*, learner, course, stars, relevant=None, comment="", anonymous=False):
    """Rate a course 1-5 and say whether it is relevant to one's job. Rating again updates it.
    `anonymous` hides the learner's name from the authors. Returns (rating, created)."""
    stars = parse_stars(stars)
    comment = (comment or "").strip()
    if len(comment) > 2000:
        raise LearningError(gettext("Keep your comment under %(n)d characters.") % {"n": 2000})
    active_enrolment_for(learner=learner, course_id=course.pk)
    with transaction.atomic():
        rating, created, previous = save_stars(CourseRating, learner=learner, stars=stars, course=course)
        if created:
            rating.relevant, rating.comment, rating.anonymous = relevant, comment, bool(anonymous)
            rating.save(update_fields=["relevant", "comment", "anonymous"])
            deltas = {"rating_sum": stars, "rating_count": 1}
            if relevant is not None:
                deltas.update(relevant_count=1, relevant_yes=int(relevant))
        else:
            deltas = {"rating_sum": stars - previous}
            old, new = rating.relevant, relevant
            deltas["relevant_count"] = (new is not None) - (old is not None)
            deltas["relevant_yes"] = int(bool(new)) - int(bool(old))
            rating.relevant, rating.comment, rating.anonymous = relevant, comment, bool(anonymous)
            rating.save(update_fields=["stars", "relevant", "comment", "anonymous", "updated_at"])
        bump_stats(course.pk, **{k: v for k, v in deltas.items() if v})
        record_event(
            actor=learner, verb=Verb.RATED, object_type="course", object_id=course.pk, object_name=course.title,
            course_id=course.pk, result={"score": {"raw": stars, "min": 1, "max": 5}, "relevant": relevant},
        )
        signals.send_on_commit(signals.course_rated, CourseRating, rating=rating, created=created)
    return rating, created


def rate_lesson(*, learner, lesson, stars):
    """Rate a lesson 1-5 (enrolled learners, once each; rating again changes it). Returns (rating, created)."""
    stars = parse_stars(stars)
    if not lesson.live:
        raise LearningError(_("This lesson is not published."))
    course = course_of(lesson=lesson)
    active_enrolment_for(learner=learner, course_id=course.pk)
    with transaction.atomic():
        rating, created, _previous = save_stars(LessonRating, learner=learner, stars=stars, lesson=lesson, course=course)
        if not created:
            rating.save(update_fields=["stars", "updated_at"])
        record_event(
            actor=learner, verb=Verb.RATED, object_type="lesson", object_id=lesson.pk, object_name=lesson.title,
            course_id=course.pk, result={"score": {"raw": stars, "min": 1, "max": 5}},
        )
    return rating, created


def lesson_rating_summary(*, lesson, user=None) -> dict:
    """{"average": 4.2 or None, "count": n, "mine": `user`'s stars or None} over every learner's
    rating of the lesson. One query."""
    mine = {"mine": models.Max("stars", filter=models.Q(learner=user))} if user is not None else {}
    row = LessonRating.objects.filter(lesson=lesson).aggregate(average=models.Avg("stars"), count=models.Count("id"), **mine)
    average = round(row["average"], 1) if row["average"] is not None else None
    return {"average": average, "count": row["count"], "mine": row.get("mine")}

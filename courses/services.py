"""Everything that changes as people learn: enrolments, progress, quizzes, completion,
certificates, feedback and discussions. Views, tasks and other apps call these functions;
each rule lives here once.

Every function that changes something records a LearningEvent (with course_id) and, when
`courses.signals` names one, sends its signal after the transaction commits. CourseStats
counters move with F() expressions so concurrent requests never lose an update.

Invariant kept by the counters: enrolments == active + completions + (withdrawn people)."""

import calendar
import secrets
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from guild.events.models import Verb
from guild.events.services import record_event

from . import signals
from .models import (
    Certificate,
    Cohort,
    CohortMembership,
    CoursePage,
    CourseRating,
    CourseStats,
    DiscussionPost,
    DiscussionThread,
    Enrolment,
    EnrolmentSource,
    EnrolmentStatus,
    LearningPathPage,
    LessonCompletion,
    LessonPage,
    LessonReaction,
    QuizAttempt,
    ReactionKind,
)

# Sources a learner did not choose: they cannot leave those courses themselves.
IMPOSED_SOURCES = {EnrolmentSource.ASSIGNED, EnrolmentSource.RULE, EnrolmentSource.RENEWAL}
MAX_COMMENT_LENGTH = 5000
MAX_QUESTION_LENGTH = 2000
MAX_TITLE_LENGTH = 200


class LearningError(Exception):
    """A request a person made that the rules refuse. `message` is translated and safe to show."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def _send_on_commit(signal, sender, **kwargs):
    transaction.on_commit(lambda: signal.send(sender=sender, **kwargs))


def bump_stats(course_id, **deltas):
    """Move CourseStats counters by `deltas` (e.g. active=-1) atomically, creating the row if needed."""
    if not deltas:
        return
    values = {name: Greatest(F(name) + delta, 0) for name, delta in deltas.items()}
    if not CourseStats.objects.filter(course_id=course_id).update(**values):
        CourseStats.objects.get_or_create(course_id=course_id)
        CourseStats.objects.filter(course_id=course_id).update(**values)


def add_months(moment: datetime, months: int) -> datetime:
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def course_of(lesson: LessonPage) -> CoursePage:
    """The course a lesson belongs to (its parent page), without loading the whole tree."""
    return CoursePage.objects.get(path=lesson.path[: -LessonPage.steplen])


# --- Enrolment -----------------------------------------------------------------------------------


def enrol(*, learner, course, source=EnrolmentSource.SELF, due_date=None, assigned_by=None, source_id=None):
    """Enrol `learner` in `course`. Returns (enrolment, created).

    Idempotent: an existing active or completed enrolment is returned with created=False (a new,
    earlier due date tightens it). A withdrawn enrolment is re-activated and counts as created.
    Only live courses take enrolments; self-enrolment also needs the course to allow it."""
    if not course.live:
        raise LearningError(_("This course is not published."))
    if source == EnrolmentSource.SELF and not course.allow_self_enrolment:
        raise LearningError(_("This course is assigned by your manager or L&D; you cannot enrol yourself."))
    now = timezone.now()
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().filter(learner=learner, course=course).first()
        if enrolment is None:
            try:
                with transaction.atomic():
                    enrolment = Enrolment.objects.create(
                        learner=learner, course=course, source=source, source_id=source_id,
                        assigned_by=assigned_by, due_date=due_date, enrolled_at=now,
                    )
            except IntegrityError:  # a concurrent request enrolled first
                return Enrolment.objects.get(learner=learner, course=course), False
            bump_stats(course.pk, enrolments=1, active=1)
        elif enrolment.status == EnrolmentStatus.WITHDRAWN:
            enrolment.status = EnrolmentStatus.ACTIVE
            enrolment.source, enrolment.source_id, enrolment.assigned_by = source, source_id, assigned_by
            enrolment.due_date, enrolment.enrolled_at = due_date, now
            enrolment.save(update_fields=["status", "source", "source_id", "assigned_by", "due_date", "enrolled_at"])
            bump_stats(course.pk, active=1)
        else:
            if due_date and enrolment.status == EnrolmentStatus.ACTIVE and (
                enrolment.due_date is None or due_date < enrolment.due_date
            ):
                enrolment.due_date, enrolment.assigned_by = due_date, assigned_by or enrolment.assigned_by
                enrolment.save(update_fields=["due_date", "assigned_by"])
            return enrolment, False
        record_event(
            actor=learner, verb=Verb.REGISTERED, object_type="course", object_id=course.pk, object_name=course.title,
            course_id=course.pk, context={"source": str(source), "source_id": source_id}, timestamp=now,
        )
        _send_on_commit(signals.enrolled, Enrolment, enrolment=enrolment)
    return enrolment, True


def can_unenrol(enrolment) -> bool:
    return (
        enrolment.status == EnrolmentStatus.ACTIVE
        and enrolment.course.allow_unenrolment
        and not enrolment.course.is_mandatory
        and enrolment.source not in IMPOSED_SOURCES
    )


def unenrol(*, enrolment):
    """The learner leaves a course they chose. Their completions stay, should they come back."""
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().select_related("course").get(pk=enrolment.pk)
        if enrolment.status == EnrolmentStatus.WITHDRAWN:
            return enrolment
        if not can_unenrol(enrolment):
            raise LearningError(_("This course was assigned to you or is mandatory: you cannot leave it."))
        enrolment.status = EnrolmentStatus.WITHDRAWN
        enrolment.save(update_fields=["status"])
        bump_stats(enrolment.course_id, active=-1)
        record_event(
            actor=enrolment.learner, verb=Verb.UNREGISTERED, object_type="course", object_id=enrolment.course_id,
            object_name=enrolment.course.title, course_id=enrolment.course_id,
        )
    return enrolment


def renew_enrolment(*, enrolment, due_date):
    """Re-open a completed enrolment so the learner takes the course again (certificate renewal).

    The previous run's lesson completions and quiz attempts are cleared (the learning-event log
    and the old certificate keep the history); the source stays as it was."""
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().select_related("course", "learner").get(pk=enrolment.pk)
        if enrolment.status == EnrolmentStatus.ACTIVE:
            if due_date and (enrolment.due_date is None or due_date < enrolment.due_date):
                enrolment.due_date = due_date
                enrolment.save(update_fields=["due_date"])
            return enrolment
        was_completed = enrolment.status == EnrolmentStatus.COMPLETED
        enrolment.lesson_completions.all().delete()
        enrolment.quiz_attempts.all().delete()
        enrolment.status = EnrolmentStatus.ACTIVE
        enrolment.progress = 0
        enrolment.due_date = due_date
        enrolment.completed_at = None
        enrolment.started_at = None
        enrolment.last_lesson = None
        enrolment.enrolled_at = timezone.now()
        enrolment.save()
        bump_stats(enrolment.course_id, active=1, **({"completions": -1} if was_completed else {}))
        record_event(
            actor=enrolment.learner, verb=Verb.REGISTERED, object_type="course", object_id=enrolment.course_id,
            object_name=enrolment.course.title, course_id=enrolment.course_id, context={"renewal": True},
        )
        _send_on_commit(signals.enrolled, Enrolment, enrolment=enrolment)
    return enrolment


def enrol_in_path(*, learner, path: LearningPathPage):
    """Enrol in every live course of a path, in order. Returns the enrolments newly created."""
    if not path.live:
        raise LearningError(_("This learning path is not published."))
    created = []
    for pc in path.path_courses.select_related("course").order_by("sort_order"):
        if pc.course.live:
            enrolment, new = enrol(learner=learner, course=pc.course, source=EnrolmentSource.PATH, source_id=path.pk)
            if new:
                created.append(enrolment)
    return created


def active_enrolment_for(*, learner, course_id) -> Enrolment:
    enrolment = Enrolment.objects.filter(learner=learner, course_id=course_id).first()
    if enrolment is None or enrolment.status == EnrolmentStatus.WITHDRAWN:
        raise LearningError(_("Enrol in this course first."))
    return enrolment


# --- Taking lessons -------------------------------------------------------------------------------


def record_lesson_view(*, learner, lesson, course):
    """A learner opened a lesson: remember where they are, and log it."""
    now = timezone.now()
    Enrolment.objects.filter(learner=learner, course=course).exclude(status=EnrolmentStatus.WITHDRAWN).update(
        last_lesson=lesson, last_activity_at=now
    )
    Enrolment.objects.filter(learner=learner, course=course, started_at__isnull=True).update(started_at=now)
    record_event(
        actor=learner, verb=Verb.EXPERIENCED, object_type="lesson", object_id=lesson.pk, object_name=lesson.title,
        course_id=course.pk, timestamp=now,
    )


def _required_lesson_ids(course_id):
    course_path = CoursePage.objects.filter(pk=course_id).values_list("path", flat=True).get()
    return set(
        LessonPage.objects.live().filter(path__startswith=course_path, depth=len(course_path) // LessonPage.steplen + 1,
                                         is_required=True).values_list("pk", flat=True)
    )


def refresh_progress(*, enrolment):
    """Recompute progress from the live required lessons; complete the course when all are done.
    Returns the certificate when this call completed the course."""
    required = _required_lesson_ids(enrolment.course_id)
    done = set(enrolment.lesson_completions.filter(lesson_id__in=required).values_list("lesson_id", flat=True))
    progress = round(100 * len(done) / len(required)) if required else 0
    if progress != enrolment.progress:
        enrolment.progress = progress
        enrolment.save(update_fields=["progress"])
    if required and done == required and enrolment.status == EnrolmentStatus.ACTIVE:
        return complete_course(enrolment=enrolment)
    return None


def complete_lesson(*, learner, lesson):
    """Mark a lesson done. A lesson with a quiz is done once the quiz is passed.
    Returns (completion, created). Completing twice changes nothing."""
    if not lesson.live:
        raise LearningError(_("This lesson is not published."))
    course = course_of(lesson)
    with transaction.atomic():
        enrolment = active_enrolment_for(learner=learner, course_id=course.pk)
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        existing = LessonCompletion.objects.filter(enrolment=enrolment, lesson=lesson).first()
        if existing:
            return existing, False
        if lesson.questions() and not enrolment.quiz_attempts.filter(lesson=lesson, passed=True).exists():
            raise LearningError(_("Pass this lesson's quiz to complete it."))
        return _complete(enrolment=enrolment, lesson=lesson, course=course), True


def _complete(*, enrolment, lesson, course):
    now = timezone.now()
    completion = LessonCompletion.objects.create(enrolment=enrolment, lesson=lesson, completed_at=now)
    enrolment.last_activity_at = now
    enrolment.last_lesson = lesson
    enrolment.started_at = enrolment.started_at or now
    enrolment.save(update_fields=["last_activity_at", "last_lesson", "started_at"])
    record_event(
        actor=enrolment.learner, verb=Verb.COMPLETED, object_type="lesson", object_id=lesson.pk,
        object_name=lesson.title, course_id=course.pk, timestamp=now,
    )
    _send_on_commit(signals.lesson_completed, LessonCompletion, enrolment=enrolment, lesson=lesson)
    refresh_progress(enrolment=enrolment)
    return completion


def complete_course(*, enrolment):
    """Close an enrolment as completed and issue its certificate. Idempotent."""
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().select_related("course", "learner").get(pk=enrolment.pk)
        if enrolment.status == EnrolmentStatus.COMPLETED:
            return enrolment.certificates.first()
        now = timezone.now()
        enrolment.status = EnrolmentStatus.COMPLETED
        enrolment.completed_at = now
        enrolment.progress = 100
        enrolment.save(update_fields=["status", "completed_at", "progress"])
        bump_stats(enrolment.course_id, active=-1, completions=1)
        certificate = issue_certificate(enrolment=enrolment, issued_at=now)
        record_event(
            actor=enrolment.learner, verb=Verb.COMPLETED, object_type="course", object_id=enrolment.course_id,
            object_name=enrolment.course.title, course_id=enrolment.course_id, result={"completion": True}, timestamp=now,
        )
        _send_on_commit(signals.course_completed, Enrolment, enrolment=enrolment, certificate=certificate)
    return certificate


def issue_certificate(*, enrolment, issued_at=None):
    issued_at = issued_at or timezone.now()
    months = enrolment.course.certificate_validity_months
    certificate = Certificate.objects.create(
        enrolment=enrolment, learner=enrolment.learner, course=enrolment.course,
        code=secrets.token_hex(8).upper(), issued_at=issued_at,
        expires_at=add_months(issued_at, months) if months else None,
    )
    record_event(
        actor=enrolment.learner, verb=Verb.CERTIFIED, object_type="certificate", object_id=certificate.code,
        object_name=enrolment.course.title, course_id=enrolment.course_id,
        result={"expires": certificate.expires_at.isoformat() if certificate.expires_at else None}, timestamp=issued_at,
    )
    return certificate


# --- Quizzes -------------------------------------------------------------------------------------


@dataclass
class QuestionResult:
    block_id: str
    prompt: str
    selected: list  # choice indexes the learner picked
    correct: bool
    feedback: list  # [(choice text, feedback, was that choice right)] for the picked choices
    explanation: str


def quiz_outcome(lesson, answers):
    """Score `answers` ({block_id: [choice index, ...]}) against the lesson's questions.
    Raises LearningError for anything a form could not have sent."""
    questions = lesson.questions()
    if not questions:
        raise LearningError(_("This lesson has no quiz."))
    known = {block_id for block_id, _value in questions}
    if set(answers) - known:
        raise LearningError(_("Some answers are for questions that are not in this quiz. Reload the lesson and try again."))
    results = []
    for block_id, question in questions:
        picked = answers.get(block_id) or []
        choices = list(question["choices"])
        try:
            picked = sorted({int(p) for p in picked})
        except (TypeError, ValueError):
            raise LearningError(_("An answer was not one of the choices. Reload the lesson and try again.")) from None
        if not picked:
            raise LearningError(gettext("Answer every question: “%(prompt)s” has no answer.") % {"prompt": question["prompt"]})
        if any(p < 0 or p >= len(choices) for p in picked):
            raise LearningError(_("An answer was not one of the choices. Reload the lesson and try again."))
        if question["kind"] == "single" and len(picked) > 1:
            raise LearningError(gettext("Pick one answer for “%(prompt)s”.") % {"prompt": question["prompt"]})
        right = {i for i, c in enumerate(choices) if c["correct"]}
        results.append(QuestionResult(
            block_id=block_id, prompt=question["prompt"], selected=picked, correct=set(picked) == right,
            feedback=[(choices[p]["text"], choices[p]["feedback"], bool(choices[p]["correct"])) for p in picked],
            explanation=question["explanation"],
        ))
    return results


def attempts_left(*, course, used):
    return None if not course.max_quiz_attempts else max(course.max_quiz_attempts - used, 0)


def submit_quiz(*, learner, lesson, answers, attempt_number=None):
    """Score a quiz attempt on the server. Returns (attempt, results, created).

    `attempt_number` is the number the form was showing: a second submit of the same form finds the
    attempt already saved and returns it (created=False) instead of using up another attempt.
    Passing completes the lesson. The best score is the maximum over attempts."""
    if not lesson.live:
        raise LearningError(_("This lesson is not published."))
    course = course_of(lesson)
    results = quiz_outcome(lesson, answers)
    with transaction.atomic():
        enrolment = active_enrolment_for(learner=learner, course_id=course.pk)
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        used = enrolment.quiz_attempts.filter(lesson=lesson).aggregate(n=Max("attempt_number"))["n"] or 0
        if attempt_number is not None and attempt_number <= used:
            previous = enrolment.quiz_attempts.get(lesson=lesson, attempt_number=attempt_number)
            return previous, quiz_outcome(lesson, previous.answers), False
        if attempts_left(course=course, used=used) == 0:
            raise LearningError(_("You have used every attempt at this quiz. Ask the course authors or L&D for help."))
        score = round(100 * sum(r.correct for r in results) / len(results))
        passed = score >= course.effective_pass_mark
        attempt = QuizAttempt.objects.create(
            enrolment=enrolment, lesson=lesson, attempt_number=used + 1,
            answers={r.block_id: [str(p) for p in r.selected] for r in results}, score=score, passed=passed,
        )
        enrolment.last_activity_at = attempt.created_at
        enrolment.save(update_fields=["last_activity_at"])
        for verb in (Verb.ATTEMPTED, Verb.PASSED if passed else Verb.FAILED):
            record_event(
                actor=learner, verb=verb, object_type="quiz", object_id=lesson.pk, object_name=lesson.title,
                course_id=course.pk, result={"score": score, "passed": passed, "attempt": attempt.attempt_number},
            )
        _send_on_commit(signals.quiz_attempted, QuizAttempt, attempt=attempt, first_attempt=attempt.attempt_number == 1)
        if passed and not LessonCompletion.objects.filter(enrolment=enrolment, lesson=lesson).exists():
            _complete(enrolment=enrolment, lesson=lesson, course=course)
    return attempt, results, True


# --- Feedback to authors -------------------------------------------------------------------------


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
    course = course_of(lesson)
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
        _send_on_commit(signals.reaction_added, LessonReaction, reaction=reaction)
    return reaction, True


def answer_question(*, reaction, answered_by, answer):
    """An author (or L&D) answers a learner's question; the learner is notified."""
    from guild.notifications.services import notify
    from guild.people.roles import Role

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
        _send_on_commit(signals.question_answered, LessonReaction, reaction=reaction, answered_by=answered_by)
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
        _send_on_commit(signals.course_rated, CourseRating, rating=rating, created=created)
    return rating, created


# --- Discussions ---------------------------------------------------------------------------------


def _clean_body(body):
    body = (body or "").strip()
    if not body:
        raise LearningError(_("Write a message first."))
    if len(body) > MAX_COMMENT_LENGTH:
        raise LearningError(
            gettext("Your message is %(length)d characters long; keep it under %(n)d.") % {"length": len(body), "n": MAX_COMMENT_LENGTH}
        )
    return body


def can_take_part(*, user, thread) -> bool:
    """Course threads are open to everyone who can see the course; cohort threads to its members."""
    from guild.people.roles import Role

    if thread.cohort_id:
        cohort = thread.cohort
        return (
            cohort.facilitator_id == user.pk
            or user.has_role(Role.LD_ADMIN)
            or CohortMembership.objects.filter(cohort=cohort, learner=user).exists()
        )
    if thread.course_id:
        return thread.course.live
    return True


def start_thread(*, author, title, body, course=None, cohort=None, space=""):
    title = (title or "").strip()
    if not title:
        raise LearningError(_("Give your discussion a title."))
    if len(title) > MAX_TITLE_LENGTH:
        raise LearningError(gettext("Keep the title under %(n)d characters.") % {"n": MAX_TITLE_LENGTH})
    body = _clean_body(body)
    thread = DiscussionThread(author=author, title=title, course=course, cohort=cohort, space=space)
    if not can_take_part(user=author, thread=thread):
        raise LearningError(_("You cannot post in this discussion."))
    with transaction.atomic():
        thread.save()
        post = _add_post(thread=thread, author=author, body=body)
    return thread, post


def post_reply(*, author, thread, body, parent=None):
    body = _clean_body(body)
    if not can_take_part(user=author, thread=thread):
        raise LearningError(_("You cannot post in this discussion."))
    if parent is not None and parent.thread_id != thread.pk:
        raise LearningError(_("You can only reply to a message in this discussion."))
    with transaction.atomic():
        return _add_post(thread=thread, author=author, body=body, parent=parent)


def _add_post(*, thread, author, body, parent=None):
    post = DiscussionPost.objects.create(thread=thread, author=author, body=body, parent=parent)
    DiscussionThread.objects.filter(pk=thread.pk).update(post_count=F("post_count") + 1, last_post_at=post.created_at)
    course_id = thread.course_id or (thread.cohort.course_id if thread.cohort_id else None)
    record_event(
        actor=author, verb=Verb.COMMENTED, object_type="discussion", object_id=thread.pk, object_name=thread.title,
        course_id=course_id, context={"post": post.pk, "reply": parent is not None},
    )
    _send_on_commit(signals.post_created, DiscussionPost, post=post)
    return post


# --- Cohorts -------------------------------------------------------------------------------------


def add_to_cohort(*, cohort: Cohort, learner):
    """Add a learner to a cohort and enrol them in its course (or its path's courses)."""
    with transaction.atomic():
        membership, created = CohortMembership.objects.get_or_create(cohort=cohort, learner=learner)
        if cohort.course_id and cohort.course.live:
            enrol(learner=learner, course=cohort.course, source=EnrolmentSource.COHORT, source_id=cohort.pk,
                  due_date=cohort.ends_on)
        elif cohort.path_id:
            for pc in cohort.path.path_courses.select_related("course"):
                if pc.course.live:
                    enrol(learner=learner, course=pc.course, source=EnrolmentSource.COHORT, source_id=cohort.pk,
                          due_date=cohort.ends_on)
    return membership, created

"""Quizzes are scored on the server; passing one completes its lesson."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max, Sum
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from guild.events.models import Verb
from guild.events.services import record_event

from .. import signals
from ..models.enrolment import Enrolment, LessonCompletion
from ..models.quizzes import AttemptRequest, AttemptRequestStatus, QuizAttempt
from .enrolment import active_enrolment_for, course_of
from .errors import LearningError
from .progress import record_completion
from .progression import refuse_if_locked


@dataclass
class QuestionResult:
    block_id: str
    prompt: str
    selected: list  # choice indexes the learner picked
    correct: bool
    feedback: list  # [(choice text, feedback, was that choice right)] for the picked choices
    explanation: str


def quiz_outcome(*, lesson, answers):
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


def attempts_left(*, course, used, extra=0):
    """None when the course sets no limit; `extra` is what granted requests added for this quiz."""
    return None if not course.max_quiz_attempts else max(course.max_quiz_attempts + extra - used, 0)


def granted_extra(*, enrolment_id, lesson_id) -> int:
    """Attempts added to the course's limit by granted requests (one query)."""
    return AttemptRequest.objects.filter(
        enrolment_id=enrolment_id, lesson_id=lesson_id, status=AttemptRequestStatus.GRANTED
    ).aggregate(n=Sum("extra_attempts"))["n"] or 0


def attempts_left_after(*, attempt, course):
    """What remains once `attempt` is saved (None when the course sets no limit): nothing left means
    the learner asks for more instead of trying again."""
    if not course.max_quiz_attempts:
        return None
    extra = granted_extra(enrolment_id=attempt.enrolment_id, lesson_id=attempt.lesson_id)
    return attempts_left(course=course, used=attempt.attempt_number, extra=extra)


def submit_quiz(*, learner, lesson, answers, attempt_number=None):
    """Score a quiz attempt on the server. Returns (attempt, results, created).

    `attempt_number` is the number the form was showing: a second submit of the same form finds the
    attempt already saved and returns it (created=False) instead of using up another attempt.
    Passing completes the lesson. The best score is the maximum over attempts."""
    if not lesson.live:
        raise LearningError(_("This lesson is not published."))
    if attempt_number is not None and attempt_number < 1:
        raise LearningError(_("That attempt does not exist: reload the lesson and answer again."))
    course = course_of(lesson=lesson)
    results = quiz_outcome(lesson=lesson, answers=answers)
    with transaction.atomic():
        enrolment = active_enrolment_for(learner=learner, course_id=course.pk)
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        refuse_if_locked(enrolment=enrolment, lesson=lesson, course=course)
        used = enrolment.quiz_attempts.filter(lesson=lesson).aggregate(n=Max("attempt_number"))["n"] or 0
        if attempt_number is not None and attempt_number <= used:
            previous = enrolment.quiz_attempts.filter(lesson=lesson, attempt_number=attempt_number).first()
            if previous is None:  # numbers are 1..used, but an attempt row may have been removed by L&D
                raise LearningError(_("That attempt does not exist: reload the lesson and answer again."))
            return previous, quiz_outcome(lesson=lesson, answers=previous.answers), False
        extra = granted_extra(enrolment_id=enrolment.pk, lesson_id=lesson.pk) if course.max_quiz_attempts else 0
        if attempts_left(course=course, used=used, extra=extra) == 0:
            raise LearningError(_("You have used every attempt at this quiz. Ask the course authors or L&D for more "
                                  "from the lesson page."))
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
        signals.send_on_commit(signals.quiz_attempted, QuizAttempt, attempt=attempt, first_attempt=attempt.attempt_number == 1)
        if passed and not LessonCompletion.objects.filter(enrolment=enrolment, lesson=lesson).exists():
            record_completion(enrolment=enrolment, lesson=lesson, course=course)
    return attempt, results, True

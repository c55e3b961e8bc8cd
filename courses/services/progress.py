"""Taking lessons: where the learner is, lessons done, progress, and completing the course."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guild.events.models import Verb
from guild.events.services import record_event

from .. import signals
from ..models.enrolment import Enrolment, EnrolmentStatus, LessonCompletion
from ..models.pages import CoursePage, LessonPage
from .certificates import issue_certificate
from .enrolment import active_enrolment_for, course_of
from .errors import LearningError
from .progression import refuse_if_locked
from .stats import bump_stats


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
    course = course_of(lesson=lesson)
    with transaction.atomic():
        enrolment = active_enrolment_for(learner=learner, course_id=course.pk)
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        existing = LessonCompletion.objects.filter(enrolment=enrolment, lesson=lesson).first()
        if existing:
            return existing, False
        refuse_if_locked(enrolment=enrolment, lesson=lesson, course=course)
        if getattr(lesson.specific_class, "completed_by_content", False):
            # A SCORM lesson is done when its SCO reports it (courses.scorm), never by a button.
            raise LearningError(_("This lesson completes itself when you finish its content."))
        if lesson.questions() and not enrolment.quiz_attempts.filter(lesson=lesson, passed=True).exists():
            raise LearningError(_("Pass this lesson's quiz to complete it."))
        return record_completion(enrolment=enrolment, lesson=lesson, course=course), True


def record_completion(*, enrolment, lesson, course):
    """Record a lesson as done (the caller has checked it may be) and move progress on."""
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
    signals.send_on_commit(signals.lesson_completed, LessonCompletion, enrolment=enrolment, lesson=lesson)
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
        signals.send_on_commit(signals.course_completed, Enrolment, enrolment=enrolment, certificate=certificate)
    return certificate

"""Enrolling, leaving, renewing; the lesson-to-course lookup the other services share."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guild.events.models import Verb
from guild.events.services import record_event

from .. import signals
from ..models.enrolment import Enrolment, EnrolmentSource, EnrolmentStatus
from ..models.pages import CoursePage, LearningPathPage, LessonPage
from .errors import LearningError
from .stats import bump_stats

# Sources a learner did not choose: they cannot leave those courses themselves.
IMPOSED_SOURCES = {EnrolmentSource.ASSIGNED, EnrolmentSource.RULE, EnrolmentSource.RENEWAL}


def course_of(*, lesson: LessonPage) -> CoursePage:
    """The course a lesson belongs to (its parent page), without loading the whole tree."""
    return CoursePage.objects.get(path=lesson.path[: -LessonPage.steplen])


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
        signals.send_on_commit(signals.enrolled, Enrolment, enrolment=enrolment)
    return enrolment, True


def can_unenrol(*, enrolment) -> bool:
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
        if not can_unenrol(enrolment=enrolment):
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

    The previous run's lesson completions, quiz attempts and requests for more attempts are cleared
    (the learning-event log and the old certificate keep the history): extra attempts granted last
    time must not raise this run's limit. The source stays as it was."""
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
        enrolment.attempt_requests.all().delete()
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
        signals.send_on_commit(signals.enrolled, Enrolment, enrolment=enrolment)
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

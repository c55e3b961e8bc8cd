"""Enrolment: self-enrolment, idempotency, leaving, re-joining, renewal, counters and events."""

import pytest

from courses import services
from courses.models import CourseStats, Enrolment, EnrolmentSource, EnrolmentStatus
from courses.signals import enrolled
from guild.events.models import LearningEvent
from tests.support.courses import complete_course_for, enrol, make_course

pytestmark = pytest.mark.django_db


def stats(course):
    return CourseStats.objects.get(course=course)


def test_enrolling_twice_keeps_one_enrolment_and_counts_once(learner, django_capture_on_commit_callbacks):
    course = make_course()
    received = []
    enrolled.connect(lambda **kw: received.append(kw["enrolment"]), weak=False, dispatch_uid="t1")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            first, created = services.enrol(learner=learner, course=course)
            second, created_again = services.enrol(learner=learner, course=course)
    finally:
        enrolled.disconnect(dispatch_uid="t1")
    assert created and not created_again and first.pk == second.pk
    assert Enrolment.objects.filter(learner=learner, course=course).count() == 1
    assert (stats(course).enrolments, stats(course).active) == (1, 1)
    assert received == [first]
    assert LearningEvent.objects.filter(actor=learner, verb="registered", course_id=course.pk).count() == 1


def test_a_draft_course_cannot_be_enrolled_in(learner):
    course = make_course(publish=False)
    with pytest.raises(services.LearningError):
        services.enrol(learner=learner, course=course)
    assert not Enrolment.objects.exists()


def test_self_enrolment_is_refused_when_the_course_does_not_allow_it(learner, manager):
    course = make_course(allow_self_enrolment=False)
    with pytest.raises(services.LearningError):
        services.enrol(learner=learner, course=course)
    enrolment, created = services.enrol(learner=learner, course=course, source=EnrolmentSource.ASSIGNED, assigned_by=manager)
    assert created and enrolment.assigned_by == manager


def test_leaving_and_coming_back_reactivates_the_same_enrolment(learner):
    course = make_course()
    enrolment = enrol(learner, course)
    services.unenrol(enrolment=enrolment)
    assert Enrolment.objects.get(pk=enrolment.pk).status == EnrolmentStatus.WITHDRAWN
    assert stats(course).active == 0
    again, created = services.enrol(learner=learner, course=course)
    assert created and again.pk == enrolment.pk and again.status == EnrolmentStatus.ACTIVE
    assert (stats(course).enrolments, stats(course).active) == (1, 1)


def test_an_assigned_course_cannot_be_left(learner, manager):
    course = make_course()
    enrolment = enrol(learner, course, source=EnrolmentSource.ASSIGNED, assigned_by=manager)
    with pytest.raises(services.LearningError):
        services.unenrol(enrolment=enrolment)
    assert Enrolment.objects.get(pk=enrolment.pk).status == EnrolmentStatus.ACTIVE


def test_assigning_an_earlier_due_date_tightens_an_existing_enrolment(learner, manager):
    import datetime

    course = make_course()
    enrol(learner, course)
    due = datetime.date.today() + datetime.timedelta(days=7)
    enrolment, created = services.enrol(learner=learner, course=course, source=EnrolmentSource.ASSIGNED,
                                        due_date=due, assigned_by=manager)
    assert not created and enrolment.due_date == due


def test_renewal_reopens_a_completed_enrolment_from_scratch(learner):
    import datetime

    course = make_course(certificate_validity_months=12)
    certificate = complete_course_for(learner, course)
    assert certificate is not None and stats(course).completions == 1
    enrolment = Enrolment.objects.get(learner=learner, course=course)
    due = datetime.date.today() + datetime.timedelta(days=30)
    renewed = services.renew_enrolment(enrolment=enrolment, due_date=due)
    assert (renewed.status, renewed.progress, renewed.due_date) == (EnrolmentStatus.ACTIVE, 0, due)
    assert renewed.source == EnrolmentSource.SELF
    assert not renewed.lesson_completions.exists() and not renewed.quiz_attempts.exists()
    assert renewed.certificates.count() == 1  # the old certificate stays as history
    assert (stats(course).active, stats(course).completions) == (1, 0)

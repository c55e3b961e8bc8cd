"""Completing lessons and courses: enrolment required, idempotent, quizzes must be passed,
certificate with expiry, events and signals."""

import pytest
from django.utils import timezone

from courses import services, signals
from courses.models import CourseStats, Enrolment, EnrolmentStatus, LessonCompletion
from guild.events.models import LearningEvent
from tests.support.courses import (
    complete_course_for,
    enrol,
    lessons_of,
    make_course,
    make_lesson,
    quiz_lesson,
    right_answers,
)

pytestmark = pytest.mark.django_db


def test_completing_a_lesson_twice_is_idempotent(client, learner):
    course = make_course(lessons=3)
    enrol(learner, course)
    client.force_login(learner)
    first = lessons_of(course)[0]
    client.post(f"/learning/lessons/{first.pk}/complete/")
    client.post(f"/learning/lessons/{first.pk}/complete/")
    assert LessonCompletion.objects.filter(lesson=first).count() == 1
    assert LearningEvent.objects.filter(verb="completed", object_type="lesson", object_id=str(first.pk)).count() == 1
    assert Enrolment.objects.get().progress == 33


def test_completing_a_lesson_of_a_course_one_is_not_enrolled_in_is_refused(client, learner):
    course = make_course(lessons=2)
    client.force_login(learner)
    first = lessons_of(course)[0]
    response = client.post(f"/learning/lessons/{first.pk}/complete/", follow=True)
    assert "Enrol in this course first." in [str(m) for m in response.context["messages"]]
    assert not LessonCompletion.objects.exists() and not Enrolment.objects.exists()


def test_a_lesson_with_a_quiz_is_completed_by_passing_it_not_by_a_button(learner):
    course = make_course(lessons=1)
    enrol(learner, course)
    with pytest.raises(services.LearningError, match="Pass this lesson"):
        services.complete_lesson(learner=learner, lesson=quiz_lesson(course))
    assert not LessonCompletion.objects.exists()


def test_the_course_completes_when_every_required_lesson_is_done_and_issues_a_certificate(learner, django_capture_on_commit_callbacks):
    course = make_course(lessons=2, certificate_validity_months=12)
    make_lesson(course, title="Further reading", is_required=False)
    received = []
    signals.course_completed.connect(lambda **kw: received.append(kw), weak=False, dispatch_uid="t-completed")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            certificate = complete_course_for(learner, course)
    finally:
        signals.course_completed.disconnect(dispatch_uid="t-completed")
    enrolment = Enrolment.objects.get()
    assert (enrolment.status, enrolment.progress) == (EnrolmentStatus.COMPLETED, 100)
    assert certificate and certificate.is_valid
    assert 360 <= (certificate.expires_at - timezone.now()).days <= 366
    assert received[0]["certificate"] == certificate and received[0]["enrolment"] == enrolment
    stats = CourseStats.objects.get(course=course)
    assert (stats.enrolments, stats.active, stats.completions) == (1, 0, 1)
    assert LearningEvent.objects.filter(verb="completed", object_type="course", course_id=course.pk).count() == 1


def test_completing_again_after_completion_changes_nothing(learner):
    course = make_course(lessons=1)
    complete_course_for(learner, course)
    lesson = quiz_lesson(course)
    completion, created = services.complete_lesson(learner=learner, lesson=lesson)
    assert not created
    assert services.complete_course(enrolment=Enrolment.objects.get()) == Enrolment.objects.get().certificates.get()
    assert Enrolment.objects.get().certificates.count() == 1
    assert CourseStats.objects.get(course=course).completions == 1


def test_a_lesson_view_is_logged_and_remembered_for_continue(client, learner):
    course = make_course(lessons=3)
    enrol(learner, course)
    client.force_login(learner)
    second = lessons_of(course)[1]
    client.get(second.url)
    assert Enrolment.objects.get().last_lesson_id == second.pk
    assert LearningEvent.objects.filter(verb="experienced", object_id=str(second.pk), course_id=course.pk).exists()
    html = client.get(course.url).content.decode()
    # Opened a lesson: the course has started (issue 20), so the button continues, never "starts".
    assert "Continue where you left off" in html and f'href="{second.url}"' in html


def test_every_action_records_a_learning_event_with_the_course(learner):
    course = make_course(lessons=1)
    enrol(learner, course)
    lesson = quiz_lesson(course)
    services.submit_quiz(learner=learner, lesson=lesson, answers=right_answers(lesson))
    services.react(learner=learner, lesson=lesson, kind="useful")
    services.rate_course(learner=learner, course=course, stars=4, relevant=True)
    services.start_thread(author=learner, course=course, title="Hello", body="A question")
    verbs = set(LearningEvent.objects.filter(course_id=course.pk).values_list("verb", flat=True))
    assert verbs >= {"registered", "attempted", "passed", "completed", "certified", "reacted", "rated", "commented"}

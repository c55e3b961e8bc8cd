"""Used-up quiz attempts are no dead end: the learner asks, an author or L&D grants (or declines),
the learner is told, and the course page says where they are. Issue 20, found 3."""

import pytest
from django.urls import reverse

from courses.models import AttemptRequest, QuizAttempt
from guild.notifications.models import Notification
from tests.support.courses import enrol, make_course, quiz_lesson, right_answers, wrong_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(expert):
    return make_course("SQL for analysts", authors=[expert], lessons=1, max_quiz_attempts=1)


@pytest.fixture
def stuck(learner, course):
    """The learner has failed the course's only attempt."""
    from courses import services

    enrol(learner, course)
    lesson = quiz_lesson(course)
    services.submit_quiz(learner=learner, lesson=lesson, answers=wrong_answers(lesson))
    return lesson


def post_quiz(client, lesson, answers, attempt):
    return client.post(f"/learning/lessons/{lesson.pk}/quiz/", {"attempt": attempt, **{f"q-{k}": v for k, v in answers.items()}})


def test_the_course_page_points_to_the_blocked_quiz_not_to_the_start(client, learner, course, stuck):
    client.force_login(learner)
    html = client.get(course.url).content.decode()
    assert "Start the course" not in html
    assert "You used every attempt at the quiz in “Lesson 1”" in html


def test_a_request_is_granted_by_an_author_and_the_learner_takes_the_quiz_again(
    client, learner, expert, ld_admin, course, stuck, django_capture_on_commit_callbacks
):
    client.force_login(learner)
    html = client.get(stuck.url).content.decode()
    assert "Ask for more attempts" in html
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("courses:request_attempts", args=[stuck.pk]), {"message": "I misread question 1."})
        client.post(reverse("courses:request_attempts", args=[stuck.pk]), {"message": "again"})  # double submit
    request = AttemptRequest.objects.get()
    assert (request.status, request.message) == ("pending", "I misread question 1.")
    assert "You asked for more attempts on" in client.get(stuck.url).content.decode()
    # The authors and L&D hear of it, with a link to where they answer.
    for person in (expert, ld_admin):
        notice = Notification.objects.get(recipient=person, kind="quiz.attempts_requested")
        assert notice.url == reverse("courses:attempt_requests")
    assert not Notification.objects.filter(recipient=learner, kind="quiz.attempts_requested").exists()

    client.force_login(expert)
    page = client.get(reverse("courses:attempt_requests")).content.decode()
    assert "I misread question 1." in page and "Grant more attempts" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("courses:decide_attempt_request", args=[request.pk]), {"decision": "grant", "note": "Go ahead."})
    request.refresh_from_db()
    assert (request.status, request.extra_attempts, request.decided_by) == ("granted", 1, expert)
    told = Notification.objects.get(recipient=learner, kind="quiz.attempts_decision")
    assert "You can take the quiz in “Lesson 1” again" == told.title and told.url.endswith("#quiz")

    client.force_login(learner)
    assert "Submit answers" in client.get(stuck.url).content.decode()
    post_quiz(client, stuck, right_answers(stuck), attempt=2)
    assert QuizAttempt.objects.filter(passed=True).count() == 1


def test_a_renewal_starts_again_from_the_courses_own_limit(learner, expert, course, stuck):
    from courses import services
    from courses.models import Enrolment
    from courses.services.attempt_requests import decide, request_more_attempts

    decide(attempt_request=request_more_attempts(learner=learner, lesson=stuck), by=expert, grant=True)
    services.submit_quiz(learner=learner, lesson=stuck, answers=right_answers(stuck))  # the granted attempt: passed
    enrolment = Enrolment.objects.get(learner=learner, course=course)
    services.renew_enrolment(enrolment=enrolment, due_date=None)

    services.submit_quiz(learner=learner, lesson=stuck, answers=wrong_answers(stuck))  # the course allows one
    with pytest.raises(services.LearningError, match="used every attempt"):
        services.submit_quiz(learner=learner, lesson=stuck, answers=right_answers(stuck))
    assert not AttemptRequest.objects.filter(enrolment=enrolment).exists()


def test_a_declined_request_is_told_and_can_be_asked_again(client, learner, ld_admin, stuck,
                                                           django_capture_on_commit_callbacks):
    client.force_login(learner)
    client.post(reverse("courses:request_attempts", args=[stuck.pk]))
    request = AttemptRequest.objects.get()
    client.force_login(ld_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("courses:decide_attempt_request", args=[request.pk]), {"decision": "decline", "note": "Read lesson 1 first."})
    assert Notification.objects.get(recipient=learner, kind="quiz.attempts_decision").title.startswith("No more attempts")
    client.force_login(learner)
    html = client.get(stuck.url).content.decode()
    assert "Your last request was declined." in html and "Read lesson 1 first." in html and "Ask for more attempts" in html


def test_only_the_courses_authors_or_ld_answer(client, learner, other_expert, other_learner, stuck):
    client.force_login(learner)
    client.post(reverse("courses:request_attempts", args=[stuck.pk]))
    request = AttemptRequest.objects.get()
    for person in (other_expert, learner):
        client.force_login(person)
        response = client.post(reverse("courses:decide_attempt_request", args=[request.pk]), {"decision": "grant"})
        assert response.status_code == 404
        assert "I misread" not in client.get(reverse("courses:attempt_requests")).content.decode()
    client.force_login(other_learner)
    assert client.get(reverse("courses:attempt_requests")).status_code == 403
    request.refresh_from_db()
    assert request.status == "pending"


def test_asking_while_attempts_remain_is_refused(client, learner, expert):
    course = make_course("Privacy", authors=[expert], lessons=1, max_quiz_attempts=3)
    enrol(learner, course)
    client.force_login(learner)
    response = client.post(reverse("courses:request_attempts", args=[quiz_lesson(course).pk]), follow=True)
    assert "You still have attempts left at this quiz." in response.content.decode()
    assert not AttemptRequest.objects.exists()


def test_the_requests_page_runs_a_fixed_number_of_queries(client, ld_admin, expert, user_factory,
                                                          django_assert_max_num_queries):
    from courses import services
    from courses.services import attempt_requests

    client.force_login(ld_admin)
    course = make_course("Many", authors=[expert], lessons=1, max_quiz_attempts=1)
    lesson = quiz_lesson(course)
    for n in (2, 12):
        while AttemptRequest.objects.count() < n:
            person = user_factory()
            enrol(person, course)
            services.submit_quiz(learner=person, lesson=lesson, answers=wrong_answers(lesson))
            attempt_requests.request_more_attempts(learner=person, lesson=lesson)
        with django_assert_max_num_queries(12):
            assert client.get(reverse("courses:attempt_requests")).status_code == 200


def test_failing_the_last_attempt_points_to_asking_not_to_trying_again(client, learner, expert):
    course = make_course("Privacy", authors=[expert], lessons=1, max_quiz_attempts=2)
    enrol(learner, course)
    lesson = quiz_lesson(course)
    client.force_login(learner)
    first = post_quiz(client, lesson, wrong_answers(lesson), attempt=1)
    assert "Read the feedback below and try again." in client.get(first.url).content.decode()
    last = client.get(post_quiz(client, lesson, wrong_answers(lesson), attempt=2).url).content.decode()
    assert "That was your last attempt: read the feedback below, then ask for more attempts" in last
    assert "try again" not in last and "Ask for more attempts" in last

import datetime

import pytest
from django.utils import timezone

from courses import services as courses
from rewards.models import Reason, RewardLedgerEntry, RewardSettings
from rewards.services import record_learning_day
from tests.support.courses import (
    complete_course_for,
    enrol,
    make_course,
    quiz_lesson,
    right_answers,
    wrong_answers,
)

pytestmark = pytest.mark.django_db


def reasons_of(person):
    return sorted(RewardLedgerEntry.objects.filter(person=person).values_list("reason", flat=True))


def test_completing_a_course_pays_the_learner_once(learner, expert, on_commit):
    course = make_course("SQL basics", authors=[expert], lessons=2)

    on_commit(complete_course_for, learner, course)
    enrolment = learner.enrolments.get(course=course)
    on_commit(courses.complete_course, enrolment=enrolment)  # completing again

    assert reasons_of(learner).count(Reason.COURSE_COMPLETED) == 1
    assert learner.points_balance.learner_points == (
        RewardSettings.load().course_completed + RewardSettings.load().quiz_first_time
    )


def test_passing_a_quiz_at_the_first_attempt_pays_and_a_later_pass_does_not(learner, other_learner, expert, on_commit):
    course = make_course("Security", authors=[expert], lessons=1, max_quiz_attempts=0)
    lesson = quiz_lesson(course)
    enrol(learner, course)
    enrol(other_learner, course)

    on_commit(courses.submit_quiz, learner=learner, lesson=lesson, answers=right_answers(lesson))
    on_commit(courses.submit_quiz, learner=other_learner, lesson=lesson, answers=wrong_answers(lesson))
    on_commit(courses.submit_quiz, learner=other_learner, lesson=lesson, answers=right_answers(lesson))

    assert Reason.QUIZ_FIRST_TIME in reasons_of(learner)
    assert Reason.QUIZ_FIRST_TIME not in reasons_of(other_learner)


def test_learning_on_five_days_of_a_week_pays_one_streak(learner):
    monday = timezone.make_aware(datetime.datetime(2026, 11, 2, 9, 0))
    for offset in range(7):
        record_learning_day(person=learner, when=monday + datetime.timedelta(days=offset))
        record_learning_day(person=learner, when=monday + datetime.timedelta(days=offset, hours=2))

    streaks = RewardLedgerEntry.objects.filter(person=learner, reason=Reason.LEARNING_STREAK)
    assert streaks.count() == 1
    assert streaks.get().source_id == "2026-W45"


def test_four_days_in_a_week_is_not_a_streak(learner):
    friday = timezone.make_aware(datetime.datetime(2026, 11, 6, 9, 0))
    for offset in range(4):  # Friday to Monday: two different weeks
        record_learning_day(person=learner, when=friday + datetime.timedelta(days=offset))

    assert not RewardLedgerEntry.objects.filter(person=learner, reason=Reason.LEARNING_STREAK).exists()

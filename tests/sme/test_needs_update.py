"""Learners' "outdated" reactions and low ratings flag a course, and its authors hear once."""

import pytest

from courses import services as course_services
from courses.models import CourseStats
from guild.notifications.models import Notification
from tests.support.courses import lessons_of, make_course
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def test_outdated_reactions_past_the_threshold_flag_the_course_and_notify_authors_once(
    catalogue, expert, settings, django_capture_on_commit_callbacks
):
    settings.GUILD_OUTDATED_REACTIONS_THRESHOLD = 2
    course = make_course("Old news", authors=[expert], lessons=1)
    lesson = lessons_of(course)[0]
    for _ in range(3):
        learner = make_user()
        course_services.enrol(learner=learner, course=course)
        with django_capture_on_commit_callbacks(execute=True):
            course_services.react(learner=learner, lesson=lesson, kind="outdated", text="Old screenshots.")
    stats = CourseStats.objects.get(course=course)
    assert stats.needs_update and "outdated" in stats.needs_update_reason
    assert Notification.objects.filter(recipient=expert, kind="course.needs_update").count() == 1


def test_low_ratings_flag_the_course(catalogue, expert, settings, django_capture_on_commit_callbacks):
    settings.GUILD_LOW_RATING_MIN_COUNT = 2
    course = make_course("Meh", authors=[expert], lessons=1)
    for _ in range(2):
        learner = make_user()
        course_services.enrol(learner=learner, course=course)
        with django_capture_on_commit_callbacks(execute=True):
            course_services.rate_course(learner=learner, course=course, stars=1)
    assert CourseStats.objects.get(course=course).needs_update


def test_a_few_useful_reactions_do_not_flag_the_course(catalogue, expert, django_capture_on_commit_callbacks):
    course = make_course("Fine", authors=[expert], lessons=1)
    learner = make_user()
    course_services.enrol(learner=learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        course_services.react(learner=learner, lesson=lessons_of(course)[0], kind="useful")
    assert not CourseStats.objects.get(course=course).needs_update


def test_republishing_after_review_clears_the_flag(catalogue, expert, django_capture_on_commit_callbacks):
    from governance.review import services as review_services
    from governance.review.selectors import checklist_for
    from tests.support.review import current_round, make_reviewer, submit_for_review

    reviewers = [make_reviewer("SQL"), make_reviewer("SQL")]
    course = make_course("Refresh me", authors=[expert], skills=["SQL"], lessons=1)
    CourseStats.objects.update_or_create(course=course, defaults={"needs_update": True, "needs_update_reason": "old"})
    course.save_revision(user=expert)
    submit_for_review(course, expert)
    with django_capture_on_commit_callbacks(execute=True):
        for r in reviewers:
            review_services.approve(task_state=current_round(course), reviewer=r, checklist=range(len(checklist_for(course))))
    assert not CourseStats.objects.get(course=course).needs_update

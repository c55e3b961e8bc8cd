"""The demo seed loads the demo courses through the services, and running it again changes nothing."""

import pytest

from courses import demo
from courses.models import CoursePage, Enrolment, LearningPathPage, LessonReaction, QuizAttempt
from guild.people import demo as people_demo

pytestmark = pytest.mark.django_db


def test_the_demo_seed_is_complete_and_idempotent():
    people_demo.seed()
    demo.seed()
    counts = (CoursePage.objects.live().count(), Enrolment.objects.count(), QuizAttempt.objects.count(),
              LessonReaction.objects.count(), LearningPathPage.objects.live().count())
    assert counts[0] >= 8 and counts[4] >= 2
    assert all(counts), counts
    learner = Enrolment.objects.filter(learner__email="learner@example.com")
    assert {e.status for e in learner} >= {"active", "completed"}
    assert any(e.is_overdue for e in learner)
    demo.seed()
    assert counts == (CoursePage.objects.live().count(), Enrolment.objects.count(), QuizAttempt.objects.count(),
                      LessonReaction.objects.count(), LearningPathPage.objects.live().count())

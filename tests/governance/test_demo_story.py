"""The demo's year of learning (issue 18 item 8): seasons and an upward trend on the dashboards,
the same every run, and its finished courses are completed enrolments."""

from collections import defaultdict
from datetime import date

import pytest
from django.db import transaction

from courses.models import Enrolment
from governance.demo_history import seed_history
from governance.models import DailyActivity
from governance.services.rollups import refresh_rollups
from governance.verbs import COURSE_COMPLETION
from tests.support.courses import make_course
from tests.support.people import make_user

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 28)


@pytest.fixture
def org(team):
    people = [make_user(team=team, email=f"colleague{i}@example.com") for i in range(30)]
    make_user(team=team, email="learner@example.com")  # a named sign-in: the history leaves them alone
    courses = [make_course(f"Course {i}", lessons=3, quiz=False) for i in range(8)]
    return people, courses


def _history():
    """{(year, month): learning events} and course completions, after folding."""
    refresh_rollups()
    months, completions = defaultdict(int), 0
    for row in DailyActivity.objects.filter(team_id=DailyActivity.ALL_TEAMS):
        months[(row.day.year, row.day.month)] += row.events
        completions += row.events if row.verb == COURSE_COMPLETION else 0
    return dict(months), completions


def test_a_year_of_activity_with_seasons_and_a_trend(org):
    events, enrolments = seed_history(today=TODAY)
    assert events > 1000 and enrolments > 30
    months, completions = _history()
    assert len(months) >= 12  # every month of the year has learning, not one spike on today
    assert months[(2026, 8)] < months[(2026, 7)] / 1.5 and months[(2026, 8)] < months[(2026, 9)] / 2  # the August dip
    assert months[(2026, 9)] > months[(2026, 6)]  # the September peak
    assert months[(2026, 1)] > months[(2025, 12)]  # the January restart after the year-end break
    early = months[(2025, 12)] + months[(2026, 1)] + months[(2026, 2)]
    late = months[(2026, 9)] + months[(2026, 10)] + months[(2026, 11)]
    assert late > 1.2 * early  # the trend is upward
    # Each course finished in the history is a completed enrolment: the dashboard's completions and
    # its enrolments tell the same story.
    assert completions == enrolments == Enrolment.objects.filter(status="completed").count()
    assert not Enrolment.objects.filter(learner__email="learner@example.com").exists()


def test_the_history_is_the_same_every_run_and_written_once(org):
    with transaction.atomic():
        first = seed_history(today=TODAY), _history()
        transaction.set_rollback(True)
    again = seed_history(today=TODAY), _history()
    assert again == first
    assert seed_history(today=TODAY) == (0, 0)

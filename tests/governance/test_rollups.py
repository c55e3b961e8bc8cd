"""The event log is folded into daily rollups incrementally, exactly once per event."""

import time

import pytest
from django.db.models import Sum

from governance.models import DailyActivity, DailyActor, RollupState
from governance.services.rollups import fold_new_events, rollup_lag
from tests.support.governance import make_events
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def total():
    return DailyActivity.objects.aggregate(n=Sum("events"))["n"] or 0


def test_folding_counts_each_event_once_in_batches(team):
    people = [make_user(team=team) for _ in range(3)]
    make_events(people, 250, course_id=7)
    assert fold_new_events(batch_size=100) == 250
    assert total() == 250
    assert fold_new_events(batch_size=100) == 0  # a re-run changes nothing
    assert total() == 250
    make_events(people, 30, course_id=7)
    assert rollup_lag() == 30
    assert fold_new_events(batch_size=100) == 30
    assert total() == 280 and rollup_lag() == 0
    assert RollupState.objects.get().last_event_id > 0


def test_rollups_keep_teams_courses_verbs_and_distinct_people(team):
    people = [make_user(team=team) for _ in range(4)]
    make_events(people, 40, course_id=3, verbs=("completed",), days=1)
    fold_new_events()
    row = DailyActivity.objects.get()
    assert (row.team_id, row.course_id, row.verb, row.events) == (team.pk, 3, "completed", 40)
    assert DailyActor.objects.filter(learned=True, authored=False).count() == 4


def test_a_failed_batch_leaves_nothing_half_done(team, monkeypatch):
    from django.db import connection

    people = [make_user(team=team)]
    make_events(people, 10)
    original = connection.cursor

    class Boom(Exception):
        pass

    def failing_cursor(*args, **kwargs):
        cursor = original(*args, **kwargs)
        real_execute = cursor.execute

        def execute(sql, params=None):
            if "INSERT INTO governance_dailyactor" in sql:
                raise Boom  # simulate the database failing between the two upserts
            return real_execute(sql, params)

        cursor.execute = execute
        return cursor

    monkeypatch.setattr(connection, "cursor", failing_cursor)
    with pytest.raises(Boom):
        fold_new_events()
    monkeypatch.undo()
    assert total() == 0 and not RollupState.objects.filter(last_event_id__gt=0).exists()
    assert fold_new_events() == 10 and total() == 10


def test_the_worker_folds_events_through_the_task(celery_worker, team):
    from governance.tasks import fold_learning_events

    people = [make_user(team=team) for _ in range(2)]
    make_events(people, 120)
    fold_learning_events.delay(batch_size=50)
    fold_learning_events.delay(batch_size=50)  # a second run, possibly overlapping: still counted once
    deadline = time.monotonic() + 60
    while rollup_lag() and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1)  # let the second run finish too
    assert rollup_lag() == 0 and total() == 120
    assert "governance rollups: folded" in celery_worker.output()


def test_rollup_figures_read_only_the_rollups(team, django_assert_max_num_queries):
    from governance.selectors.dashboard import parse_filters, rollup_figures

    people = [make_user(team=team) for _ in range(3)]
    make_events(people, 60, verbs=("experienced", "asked"), days=10)
    fold_new_events()
    with django_assert_max_num_queries(2):
        figures = rollup_figures(parse_filters({"period": 30}))
    assert figures["verbs"] == {"experienced": 30, "asked": 30}
    assert figures["learners"] == 3 and sum(figures["weekly_events"]) == 60

"""The event log is folded into daily rollups incrementally, exactly once per event."""

import time
from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from governance.models import ActivePeople, DailyActivity, PersonActivity, RollupState
from governance.periods import period_start
from governance.selectors.dashboard import parse_filters
from governance.selectors.rollups import rollup_figures
from governance.services.rollups import fold_new_events, refresh_summaries, rollup_lag
from governance.tasks import fold_learning_events
from guild.people.models import Team
from tests.support.governance import make_events
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def total():
    """Events in the organisation-wide rows, after checking the per-team rows add up to the same."""
    org = DailyActivity.objects.filter(team_id=DailyActivity.ALL_TEAMS).aggregate(n=Sum("events"))["n"] or 0
    teams = DailyActivity.objects.exclude(team_id=DailyActivity.ALL_TEAMS).aggregate(n=Sum("events"))["n"] or 0
    assert org == teams
    return org


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
    assert RollupState.objects.get(name="learning-events").last_event_id > 0


def test_rollups_keep_days_teams_verbs_and_each_persons_last_activity(team):
    people = [make_user(team=team) for _ in range(4)]
    make_events(people, 40, course_id=3, verbs=("completed",), days=1)  # completions of a course
    fold_new_events()
    rows = {r.team_id: (r.verb, r.events) for r in DailyActivity.objects.all()}
    assert rows == {team.pk: ("completed-course", 40), DailyActivity.ALL_TEAMS: ("completed-course", 40)}
    assert PersonActivity.objects.filter(last_learned__isnull=False, last_authored__isnull=True).count() == 4


def test_a_persons_last_activity_only_moves_forward_and_follows_their_latest_team(team):
    person = make_user(team=team)
    today = timezone.localdate()
    make_events([person], 1, verbs=("experienced",), days=1)
    fold_new_events()
    assert PersonActivity.objects.get(pk=person.pk).last_learned == today

    # An event recorded late, about a day 40 days ago, never moves the date back.
    make_events([person], 1, verbs=("experienced",), days=1, ago=timedelta(days=40))
    fold_new_events()
    assert PersonActivity.objects.get(pk=person.pk).last_learned == today

    sales = Team.add_root(name="Sales", slug="sales-moves")
    person.team = sales
    person.save(update_fields=["team"])
    make_events([person], 1, verbs=("authored",), days=1)
    fold_new_events()
    row = PersonActivity.objects.get(pk=person.pk)
    assert (row.team_id, row.last_learned, row.last_authored) == (sales.pk, today, today)


def test_a_failed_batch_leaves_nothing_half_done(team, monkeypatch):
    people = [make_user(team=team)]
    make_events(people, 10)
    original = connection.cursor

    class Boom(Exception):
        pass

    def failing_cursor(*args, **kwargs):
        cursor = original(*args, **kwargs)
        real_execute = cursor.execute

        def execute(sql, params=None):
            if "INSERT INTO governance_personactivity" in sql:
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
    people = [make_user(team=team) for _ in range(3)]
    make_events(people, 60, verbs=("experienced", "asked"), days=10)
    fold_new_events()
    refresh_summaries()
    with django_assert_max_num_queries(2):
        figures = rollup_figures(parse_filters({"period": 30}))
    assert figures["verbs"] == {"experienced": 30, "asked": 30}
    assert figures["actors"]["learners"] == 3 and sum(figures["weekly_events"]) == 60


def test_active_people_are_counted_per_period_and_team_by_the_summary_refresh(team):
    recent, older = make_user(team=team), make_user(team=team)
    sales = Team.add_root(name="Sales", slug="sales-active")
    seller = make_user(team=sales)
    make_events([recent, seller], 2, verbs=("experienced",), days=1)
    make_events([older], 1, verbs=("reviewed",), days=1, ago=timedelta(days=60))
    fold_new_events()

    def counts(days):
        rows = ActivePeople.objects.filter(starts_on=period_start(days), ends_on=timezone.localdate())
        return {r.team_id: (r.learners, r.authors, r.reviewers) for r in rows}

    # The fold only folds: its cost follows the new events, and the recount is the summaries' job.
    assert counts(30) == {}
    refresh_summaries()
    assert counts(30) == {team.pk: (1, 0, 0), sales.pk: (1, 0, 0)}
    assert counts(90) == {team.pk: (1, 0, 1), sales.pk: (1, 0, 0)}
    # A refresh with nothing new folded still recounts (the period moves on every day), and changes nothing here.
    assert fold_new_events() == 0
    refresh_summaries()
    assert counts(90) == {team.pk: (1, 0, 1), sales.pk: (1, 0, 0)}

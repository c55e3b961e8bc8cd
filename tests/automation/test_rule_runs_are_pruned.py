"""Old rule runs are deleted daily, in bounded batches, but every rule keeps its latest runs."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.automation.housekeeping import prune_rule_runs
from courses.automation.models import EnrolmentRule, RuleRun
from courses.automation.tasks import prune_rule_runs as prune_task
from guild.celery import app
from tests.support.courses import make_course

pytestmark = pytest.mark.django_db

NOW = timezone.now()


@pytest.fixture
def course(expert):
    return make_course("Data ethics", authors=[expert], lessons=1, quiz=False)


def make_rule(course, name="Rule"):
    return EnrolmentRule.objects.create(name=name, course=course, role="learner", due_in_days=30)


def runs(rule, *ages_in_days):
    """One run per age, `age` days before NOW, in the order given (ids follow that order)."""
    RuleRun.objects.bulk_create(
        [RuleRun(rule=rule, started_at=NOW - timedelta(days=age), finished_at=NOW - timedelta(days=age))
         for age in ages_in_days]
    )


def ages(rule):
    return sorted((NOW - started).days for started in rule.runs.values_list("started_at", flat=True))


def test_old_runs_go_and_recent_runs_stay(course):
    rule = make_rule(course)
    runs(rule, 200, 120, 91, 89, 30, 1, 0)
    assert prune_rule_runs(now=NOW, days=90, keep=2) == 3
    assert ages(rule) == [0, 1, 30, 89]


def test_each_rule_keeps_its_latest_runs_however_old(course):
    busy, rare = make_rule(course, "Busy"), make_rule(course, "Rare")
    runs(busy, *range(100, 130))  # 30 runs, all older than the retention period
    runs(rare, 400, 300, 200)
    assert prune_rule_runs(now=NOW, days=90, keep=20) == 10
    assert ages(busy) == list(range(100, 120))
    assert ages(rare) == [200, 300, 400]


def test_the_latest_runs_are_counted_by_start_time_not_by_id(course):
    rule = make_rule(course)
    runs(rule, 1, 300, 200)  # the newest run was written first
    prune_rule_runs(now=NOW, days=90, keep=2)
    assert ages(rule) == [1, 200]


def test_a_second_prune_deletes_nothing(course):
    rule = make_rule(course)
    runs(rule, *range(95, 140))
    assert prune_rule_runs(now=NOW, days=90, keep=5) == 40
    with CaptureQueriesContext(connection) as queries:
        assert prune_rule_runs(now=NOW, days=90, keep=5) == 0
    assert not [q for q in queries if q["sql"].startswith("DELETE")]
    assert ages(rule) == list(range(95, 100))


def test_deletes_go_in_bounded_batches(course):
    rule, other = make_rule(course, "A"), make_rule(course, "B")
    runs(rule, *range(100, 135))  # 35 runs, 5 kept: 30 to delete, in 3 batches of 10
    runs(other, *range(100, 112))  # 12 runs, 5 kept: 7 to delete, in one batch
    with CaptureQueriesContext(connection) as queries:
        assert prune_rule_runs(now=NOW, days=90, keep=5, batch_size=10) == 37
    deletes = [q["sql"] for q in queries if q["sql"].startswith("DELETE")]
    assert len(deletes) == 4
    assert [re.search(r" IN \(([^)]*)\)", sql).group(1).count(",") + 1 for sql in deletes] == [10, 10, 10, 7]
    assert len(queries) <= 2 * len(deletes) + 2 * 2 + 1  # a select per batch, two more per rule, the rule list


def test_the_settings_decide_by_default(course, settings):
    settings.GUILD_RULE_RUN_RETENTION_DAYS = 10
    settings.GUILD_RULE_RUN_KEEP_PER_RULE = 1
    rule = make_rule(course)
    runs(rule, 30, 20, 11, 9)
    prune_task()
    assert ages(rule) == [9]


def test_beat_prunes_daily():
    app.loader.import_default_modules()
    app.finalize()
    entry = app.conf.beat_schedule["automation-prune-rule-runs"]
    assert entry["task"] == "courses.automation.prune_rule_runs" and entry["task"] in app.tasks
    assert entry["schedule"].remaining_estimate(NOW) <= timedelta(days=1)

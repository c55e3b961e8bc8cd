"""Concurrency on PostgreSQL: threads, each with its own database connection, committing for real."""

import threading

import pytest
from django.db import connection, connections

from guild.notifications.models import Notification
from rewards.models import Badge, BadgeAward, Criterion, PointsBalance, Reason, RewardLedgerEntry
from rewards.services import award_points

pytestmark = pytest.mark.django_db(transaction=True)


def run_concurrently(n, work):
    """Start `n` threads at once (a barrier), each running work(i) on its own connection."""
    barrier = threading.Barrier(n)
    errors = []

    def target(i):
        try:
            barrier.wait(timeout=30)
            work(i)
        except Exception as exc:  # noqa: BLE001 (surfaced below)
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=target, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is asserted on PostgreSQL")


def test_fifty_concurrent_awards_of_one_event_write_one_ledger_row(learner):
    results = []

    run_concurrently(50, lambda i: results.append(
        award_points(person=learner, reason=Reason.COURSE_COMPLETED, source=("courses.enrolment", 4242), points=50)
    ))

    assert RewardLedgerEntry.objects.filter(person=learner).count() == 1
    assert sum(r.created for r in results) == 1
    assert len(results) == 50
    assert PointsBalance.objects.get(person=learner).points == 50


def test_a_badge_is_awarded_once_when_its_events_arrive_together(expert):
    badge = Badge.objects.create(
        name="Helper", slug="helper", description="Answered three questions.", criterion=Criterion.EVENT_COUNT,
        reason=Reason.QUESTION_ANSWERED, threshold=3,
    )

    run_concurrently(12, lambda i: award_points(
        person=expert, reason=Reason.QUESTION_ANSWERED, source=("courses.lessonreaction", i), points=15
    ))

    assert RewardLedgerEntry.objects.filter(person=expert).count() == 12
    assert BadgeAward.objects.filter(person=expert, badge=badge).count() == 1
    assert Notification.objects.filter(recipient=expert, kind="rewards.badge").count() == 1
    assert PointsBalance.objects.get(person=expert).points == 12 * 15


def test_concurrent_events_never_miss_a_threshold(expert):
    """Exactly the threshold's number of events, all at once: the last one counted awards the badge."""
    badge = Badge.objects.create(
        name="Three answers", slug="three-answers", description="Answered three questions.",
        criterion=Criterion.EVENT_COUNT, reason=Reason.QUESTION_ANSWERED, threshold=3,
    )

    run_concurrently(3, lambda i: award_points(
        person=expert, reason=Reason.QUESTION_ANSWERED, source=("courses.lessonreaction", i), points=15
    ))

    assert BadgeAward.objects.filter(person=expert, badge=badge).count() == 1


def test_simultaneous_kudos_never_pass_the_daily_cap(learner, team):
    from django.core.exceptions import ValidationError

    from rewards.models import Kudos
    from rewards.services import give_kudos
    from tests.support.people import make_user

    recipients = [make_user(team=team) for _ in range(10)]
    refused = []

    def send(i):
        try:
            give_kudos(sender=learner, recipient=recipients[i], message="Thanks!")
        except ValidationError as exc:
            refused.append(exc)

    run_concurrently(10, send)

    assert Kudos.objects.filter(sender=learner).count() == 5
    assert len(refused) == 5 and all("daily limit" in e.messages[0] for e in refused)

import io

import pytest

from rewards.models import Badge, BadgeAward, Kudos, PointsRollup, RewardLedgerEntry
from rewards.selectors import leaderboard

pytestmark = pytest.mark.django_db


def test_the_demo_fills_leaderboards_and_profiles_and_can_run_twice():
    from guild.people import demo as people_demo
    from rewards import demo

    people_demo.seed(stdout=io.StringIO())
    demo.seed(stdout=io.StringIO())
    counts = (Badge.objects.count(), RewardLedgerEntry.objects.count(), Kudos.objects.count(), BadgeAward.objects.count())
    demo.seed(stdout=io.StringIO())

    assert (Badge.objects.count(), RewardLedgerEntry.objects.count(), Kudos.objects.count(), BadgeAward.objects.count()) == counts
    assert counts[0] >= 8 and counts[2] == 6 and counts[3] > 0
    assert len(leaderboard(track="learner", period="all").rows) >= 10
    assert leaderboard(track="contributor", period="month").rows
    assert PointsRollup.objects.filter(person__email="expert@example.com", track="contributor").exists()

import pytest

from rewards.models import (
    PointsBalance,
    PointsRollup,
    Reason,
    ReasonTally,
    RewardLedgerEntry,
    RewardSettings,
)
from rewards.services import award_points

pytestmark = pytest.mark.django_db


def test_an_event_pays_only_once(learner):
    first = award_points(person=learner, reason=Reason.KUDOS_RECEIVED, source=("tests.event", 1), points=7)
    second = award_points(person=learner, reason=Reason.KUDOS_RECEIVED, source=("tests.event", 1), points=7)

    assert first.created and first.entry.points == 7
    assert not second.created and second.entry is None
    assert "already awarded" in second.message
    assert RewardLedgerEntry.objects.filter(person=learner).count() == 1
    assert PointsBalance.objects.get(person=learner).points == 7


def test_the_same_source_pays_each_person_and_reason_separately(learner, expert):
    award_points(person=learner, reason=Reason.KUDOS_RECEIVED, source=("tests.event", 1), points=5)
    award_points(person=expert, reason=Reason.KUDOS_RECEIVED, source=("tests.event", 1), points=5)
    award_points(person=expert, reason=Reason.QUESTION_ANSWERED, source=("tests.event", 1), points=5)

    assert RewardLedgerEntry.objects.count() == 3


def test_balance_rollups_and_tallies_move_with_each_award(learner):
    award_points(person=learner, reason=Reason.COURSE_COMPLETED, source=("tests.enrolment", 1), points=50)
    award_points(person=learner, reason=Reason.COURSE_COMPLETED, source=("tests.enrolment", 2), points=50)
    award_points(person=learner, reason=Reason.QUESTION_ANSWERED, source=("tests.reaction", 1), points=15)

    balance = PointsBalance.objects.get(person=learner)
    assert (balance.points, balance.learner_points, balance.contributor_points) == (115, 100, 15)
    rollups = {(r.track, r.period): r.points for r in PointsRollup.objects.filter(person=learner)}
    assert rollups == {
        ("learner", "week"): 100, ("learner", "month"): 100, ("learner", "all"): 100,
        ("contributor", "week"): 15, ("contributor", "month"): 15, ("contributor", "all"): 15,
    }
    assert ReasonTally.objects.get(person=learner, reason=Reason.COURSE_COMPLETED).count == 2


def test_point_values_come_from_the_settings_ld_edits(learner):
    settings = RewardSettings.load()
    settings.kudos_received = 12
    settings.save()

    result = award_points(person=learner, reason=Reason.KUDOS_RECEIVED, source=("tests.kudos", 1))

    assert result.entry.points == 12


def test_the_ledger_cannot_be_edited_or_deleted(learner):
    entry = award_points(person=learner, reason=Reason.KUDOS_RECEIVED, source=("tests.kudos", 1), points=5).entry

    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        RewardLedgerEntry.objects.filter(person=learner).update(points=500)
    with pytest.raises(TypeError):
        RewardLedgerEntry.objects.all().delete()
    assert RewardLedgerEntry.objects.get().points == 5

"""The poster and every voter hear about L&D's triage decision, once, whoever retries."""

import pytest

from governance.models import NeedStatus
from governance.services import needs as services
from guild.notifications.models import Notification
from tests.support.governance import make_need
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def test_the_poster_and_voters_are_notified_once_per_decision(learner, ld_admin):
    need = make_need(learner, title="Forecasting demand")
    voters = [make_user() for _ in range(7)]
    for v in voters:
        services.vote(need=need, voter=v)
    services.vote(need=need, voter=ld_admin)  # the admin who triages is not notified of their own decision
    services.triage(need=need, by=ld_admin, status=NeedStatus.PLANNED, note="In the Q3 plan")
    change = need.status_changes.get()
    assert services.notify_followers(change_id=change.pk, batch_size=3) == 8
    assert services.notify_followers(change_id=change.pk, batch_size=3) == 0  # a retried task sends nothing new
    notice = Notification.objects.get(recipient=learner)
    assert notice.title == "“Forecasting demand” is now: Planned" and notice.body == "In the Q3 plan"
    assert not Notification.objects.filter(recipient=ld_admin).exists()

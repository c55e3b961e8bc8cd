"""When L&D marks a need done with its course, need_fulfilled is sent once, after commit, with the volunteers."""

import pytest
from django.db import transaction

from governance.models import NeedStatus
from governance.services import needs as services
from governance.signals import need_fulfilled
from tests.support.courses import make_course
from tests.support.governance import make_need


@pytest.fixture
def received():
    calls = []

    def receiver(sender, need, course, volunteers, **kwargs):
        calls.append((need.pk, course.pk, sorted(v.pk for v in volunteers)))

    need_fulfilled.connect(receiver)
    yield calls
    need_fulfilled.disconnect(receiver)


@pytest.mark.django_db(transaction=True)
def test_need_fulfilled_is_sent_once_when_done_with_a_course(learner, expert, ld_admin, received):
    need = make_need(learner, title="Data privacy for analysts")
    services.volunteer(need=need, expert=expert)
    course = make_course("Data privacy in practice")
    services.triage(need=need, by=ld_admin, status=NeedStatus.IN_PROGRESS, note="Sofia writes it", course=course)
    assert received == []
    services.triage(need=need, by=ld_admin, status=NeedStatus.DONE, note="Published")
    services.triage(need=need, by=ld_admin, status=NeedStatus.DONE, note="Published, with a typo fixed")
    assert received == [(need.pk, course.pk, [expert.pk])]


@pytest.mark.django_db(transaction=True)
def test_nothing_is_sent_when_the_triage_fails(learner, ld_admin, received):
    need = make_need(learner, title="Pricing negotiation")
    course = make_course("Negotiation")
    with pytest.raises(RuntimeError), transaction.atomic():
        services.triage(need=need, by=ld_admin, status=NeedStatus.DONE, note="Done", course=course)
        raise RuntimeError("the request failed after the triage")
    assert received == []
    need.refresh_from_db()
    assert need.fulfilled_at is None

"""The whole path on real processes: events recorded in Guild, the nudge through the broker, a real
Celery worker process sending the statement outbox to a real LRS (Ralph). Each statement arrives once,
also when the worker is asked to deliver again."""

import pytest
from django.db import transaction

from guild.core.models import Heartbeat
from guild.core.tasks import heartbeat
from guild.events.services import record_event
from guild.notifications.models import OutboxStatus
from guild.xapi.models import LearningRecordStore, StatementDelivery
from guild.xapi.statements import statement_id
from guild.xapi.tasks import deliver_statements
from tests.support.automation import wait_for
from tests.support.lrs import PASSWORD, USER

from .conftest import stored

pytestmark = pytest.mark.integration


def test_a_real_worker_sends_each_statement_to_ralph_once(celery_worker, lrs, ralph, learner):
    # Configured in the database (as an L&D admin does), so that the worker process sees it too.
    LearningRecordStore.objects.create(name="worker-test", endpoint=lrs.url, key=USER, secret=PASSWORD)
    with transaction.atomic():  # one learner's minutes: committed together, one nudge to the worker
        events = [record_event(actor=learner, verb=verb, object_type="lesson", object_id=2000 + n,
                               object_name=f"Lesson {n}")
                  for n, verb in enumerate(["registered", "experienced", "experienced", "completed", "passed"])]
    ids = {str(statement_id(e.pk)) for e in events}

    wait_for(lambda: not StatementDelivery.objects.exclude(status=OutboxStatus.SENT).exists(), timeout=30,
             message="the worker to deliver the statements")
    assert stored(ralph, ids) == dict.fromkeys(ids, 1)

    # Asked again (a beat run, a duplicate nudge), the worker finds nothing to send. The heartbeat
    # after it on the same queue marks when the worker is done with it (one process, one at a time).
    deliver_statements.delay()
    heartbeat.apply_async(kwargs={"name": "after-xapi"}, queue="email")
    wait_for(lambda: Heartbeat.objects.filter(name="after-xapi").exists(), timeout=30, message="the second run")
    posted = [statement for batch in lrs.posted for statement in batch]
    assert sorted(posted) == sorted(ids), "each statement was POSTed once"
    assert stored(ralph, ids) == dict.fromkeys(ids, 1)
    assert ralph.validate() == []
    assert set(StatementDelivery.objects.values_list("attempts", flat=True)) == {1}  # claimed once each

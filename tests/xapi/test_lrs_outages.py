"""An LRS that is down, slow or refusing: statements are retried with backoff, none lost, none twice."""

import time

from django.utils import timezone

from guild.events.services import record_event
from guild.notifications.models import OutboxStatus
from guild.xapi.delivery import deliver
from guild.xapi.models import StatementDelivery
from guild.xapi.statements import statement_id

from .conftest import stored


def _events(person, count, **extra):
    return [record_event(actor=person, verb="experienced", object_type="lesson", object_id=1000 + n,
                         object_name=f"Lesson {n}", **extra) for n in range(count)]


def _ids(events):
    return {str(statement_id(e.pk)) for e in events}


def _wait_for_retry(seconds):
    time.sleep(seconds + 0.05)


def test_an_lrs_that_stops_mid_way_gets_everything_once_when_back(db, env_lrs, ralph, learner, settings):
    settings.GUILD_XAPI_BATCH_SIZE = 3
    settings.GUILD_XAPI_RETRY_SECONDS = 0.3
    events = _events(learner, 7)
    env_lrs.after_post = lambda: (env_lrs.__setattr__("after_post", None), ralph.stop())  # down after batch one

    first = deliver()

    # One batch tried after the LRS went down; the rest of its statements wait with that batch.
    assert first["sent"] == 3 and first["failed"] == 3
    assert len(stored(ralph, _ids(events))) == 3
    waiting = StatementDelivery.objects.exclude(status=OutboxStatus.SENT)
    assert waiting.count() == 4
    # The proxy stands for the network: a gateway in front of a dead LRS answers 502.
    assert {row.last_error for row in waiting.filter(status=OutboxStatus.FAILED)} == {"HTTP 502: "}
    # Still down: the next attempt waits twice as long.
    _wait_for_retry(0.3)
    before = timezone.now()
    assert deliver()["failed"] == 3
    delays = [(row.send_after - before).total_seconds() for row in waiting.filter(attempts=2)]
    assert len(delays) == 3 and all(0.6 <= d < 0.9 for d in delays), f"twice the first delay (0.3 s): {delays}"
    assert deliver()["rounds"] == 0, "nothing is retried before its time"

    ralph.start()
    _wait_for_retry(0.6)
    assert deliver()["sent"] == 4
    assert stored(ralph, _ids(events)) == dict.fromkeys(_ids(events), 1)
    assert not StatementDelivery.objects.exclude(status=OutboxStatus.SENT).exists()
    assert ralph.validate() == []


def test_an_lrs_that_is_not_running_loses_nothing(db, settings, learner):
    from tests.support.outages import free_port

    settings.GUILD_XAPI_LRS_URL = f"http://127.0.0.1:{free_port()}/xAPI"  # nothing listens there
    settings.GUILD_XAPI_LRS_KEY, settings.GUILD_XAPI_LRS_SECRET = "k", "s"
    events = _events(learner, 2)

    assert deliver()["failed"] == 2
    rows = StatementDelivery.objects.filter(event__in=events)
    assert {(r.status, r.attempts) for r in rows} == {(OutboxStatus.FAILED, 1)}
    assert all(r.last_error.startswith("ConnectionError") and r.send_after > timezone.now() for r in rows)


def test_a_slow_lrs_that_stored_the_batch_gets_no_duplicates(db, env_lrs, ralph, learner, settings):
    settings.GUILD_XAPI_TIMEOUT = 0.5
    settings.GUILD_XAPI_RETRY_SECONDS = 0.2
    events = _events(learner, 4)
    env_lrs.delay = 1.5  # the LRS stores the batch; its answer arrives after Guild stopped waiting

    assert deliver()["failed"] == 4
    assert "Timeout" in StatementDelivery.objects.first().last_error

    env_lrs.delay = 0
    _wait_for_retry(0.2)
    assert deliver()["sent"] == 4
    assert len(env_lrs.posted) == 2, "the same batch was posted twice, with the same statement ids"
    assert env_lrs.posted[0] == env_lrs.posted[1]
    assert stored(ralph, _ids(events)) == dict.fromkeys(_ids(events), 1), "the LRS keeps each statement once"


def test_a_refused_batch_is_retried_and_a_malformed_statement_is_set_aside(db, env_lrs, ralph, learner, settings):
    settings.GUILD_XAPI_RETRY_SECONDS = 0.2
    good = _events(learner, 3)
    env_lrs.refuse(1, status=503)  # overloaded

    assert deliver()["failed"] == 3
    _wait_for_retry(0.2)
    assert deliver()["sent"] == 3
    assert stored(ralph, _ids(good)) == dict.fromkeys(_ids(good), 1)

    # A statement the LRS refuses (400) among good ones: the batch is split, only that one is set aside.
    more = _events(learner, 3)
    bad = record_event(actor=learner, verb="passed", object_type="quiz", object_id=7, result={"score": 80})
    env_lrs.reject_ids = _ids([bad])
    totals = deliver()
    assert (totals["sent"], totals["rejected"]) == (3, 1)
    assert stored(ralph, _ids(more)) == dict.fromkeys(_ids(more), 1)
    assert not stored(ralph, _ids([bad]))
    row = StatementDelivery.objects.get(event=bad)
    assert row.status == OutboxStatus.FAILED and row.last_error.startswith("HTTP 400")
    assert deliver()["rounds"] == 0, "a refused statement is not retried blindly"


def test_a_recorded_event_asks_for_one_delivery_run_once_committed(db, settings, learner,
                                                                   django_capture_on_commit_callbacks):
    from celery import current_app

    from guild.xapi import outbox, tasks

    settings.GUILD_XAPI_LRS_URL, settings.GUILD_XAPI_LRS_KEY, settings.GUILD_XAPI_LRS_SECRET = (
        "http://127.0.0.1:9/xAPI", "k", "s")
    with django_capture_on_commit_callbacks() as callbacks:
        _events(learner, 3)
    assert callbacks and all(c is outbox.kick for c in callbacks)
    # The task the nudge sends is the worker's, on the queue of outbound deliveries (no broker needed here).
    assert tasks.deliver_statements.name in current_app.tasks
    assert current_app.amqp.router.route({}, "guild.xapi.deliver_statements")["queue"].name == "email"

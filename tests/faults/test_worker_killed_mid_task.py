"""A worker killed (SIGKILL, the whole process group) in the middle of a task, then restarted, as
Docker's restart policy would: the work is finished by the next run, and nothing is done twice
beyond what docs/automation.md allows.

- Delivery: killed while it sends a batch of outbox messages to a real SMTP server. Every message is
  sent; at most one twice (the documented at-least-once window: the message the server had accepted
  when the worker died, before its row was marked sent).
- The governance fold: killed between batches (each batch commits with its high-water mark); run
  again, the rollup figures equal a recount of the event log."""

import asyncio
import time
from collections import Counter

import pytest
from django.db.models import Count
from django.db.models.functions import TruncDate

from courses.automation.reminders import sweep_reminders
from governance.models.rollups import DailyActivity, RollupState
from governance.services.rollups import rollup_lag
from governance.verbs import COURSE_COMPLETION
from guild.events.models import LearningEvent
from guild.notifications.models import OutboxMessage
from tests.support.automation import bulk_learners_enrolled, open_policy, wait_for
from tests.support.courses import make_course
from tests.support.governance import make_events
from tests.support.outages import CeleryWorker, service_env, task_sender
from tests.support.people import make_user
from tests.support.services import _database_url_for_tests

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def broker(own_redis):
    app = task_sender(own_redis.url())
    yield app
    app.close()


def test_delivery_killed_mid_batch_sends_every_message_and_at_most_one_twice(
    own_redis, broker, smtp_server, tmp_path, expert
):
    total = 60
    course = make_course("Anti-bribery", authors=[expert], lessons=1, quiz=False)
    open_policy()
    bulk_learners_enrolled(course, total, days=1)
    sweep_reminders(enqueue=False)  # the rows to send, no delivery task yet
    assert OutboxMessage.objects.filter(status="queued").count() == total

    accept = smtp_server.handle_DATA

    async def slowly(server, session, envelope):  # a relay taking 50 ms a message: the batch takes seconds
        await asyncio.sleep(0.05)
        return await accept(server, session, envelope)

    smtp_server.handle_DATA = slowly
    env = service_env(DATABASE_URL=_database_url_for_tests(), REDIS_URL=own_redis.url(),
                      EMAIL_URL=f"smtp://127.0.0.1:{smtp_server.port}")
    worker = CeleryWorker(tmp_path, env).start()
    try:
        broker.send_task("guild.notifications.deliver_outbox")
        wait_for(lambda: len(smtp_server.messages) >= 10, timeout=60, interval=0.01, message="the batch to be under way")
        worker.kill()
        in_flight = set(OutboxMessage.objects.filter(status="sending").values_list("recipient__email", flat=True))
        assert 0 < len(in_flight) < total, "the batch finished before it could be killed; raise `total`"

        # The restarted worker, and beat's next delivery runs once the dead worker's claims are older than
        # the lease (passed short here instead of GUILD_OUTBOX_LEASE_SECONDS' 600 s). A run with so short
        # a lease hands back what it could not send in half of it, so beat's ticks come every 2 s.
        worker.start()
        lease = 3
        time.sleep(lease + 0.5)

        def beat_tick_until_all_sent():
            if OutboxMessage.objects.filter(status="sent").count() == total:
                return True
            broker.send_task("guild.notifications.deliver_outbox", kwargs={"lease_seconds": lease})
            return False

        wait_for(beat_tick_until_all_sent, timeout=180, interval=2, message="every message to be sent")
    finally:
        worker.stop()

    received = Counter(rcpt for envelope in smtp_server.messages for rcpt in envelope.rcpt_tos)
    assert len(received) == total  # nothing lost
    twice = [rcpt for rcpt, n in received.items() if n > 1]
    assert len(twice) <= 1 and max(received.values()) <= 2, received.most_common(3)
    assert set(twice) <= in_flight  # and only the message in flight when the worker died


def test_the_fold_killed_mid_run_then_run_again_equals_a_recount(own_redis, broker, tmp_path, team):
    people = [make_user(team=team) for _ in range(5)] + [make_user() for _ in range(3)]  # some without a team
    make_events(people, 30_000, days=30)
    env = service_env(DATABASE_URL=_database_url_for_tests(), REDIS_URL=own_redis.url())
    worker = CeleryWorker(tmp_path, env).start()

    def folded_up_to():
        state = RollupState.objects.filter(name=RollupState.LEARNING_EVENTS).first()
        return state.last_event_id if state else 0

    try:
        # Small batches make the fold long enough to be killed half-way.
        broker.send_task("governance.fold_learning_events", kwargs={"batch_size": 100, "max_batches": 1000})
        wait_for(lambda: folded_up_to() > 0, timeout=60, interval=0.01, message="the fold to be under way")
        worker.kill()
        assert rollup_lag() > 0, "the fold finished before it could be killed; add events"

        worker.start()
        broker.send_task("governance.fold_learning_events")
        wait_for(lambda: rollup_lag() == 0, timeout=120, message="the fold to catch up")
    finally:
        worker.stop()

    recount = Counter()
    for row in (LearningEvent.objects.annotate(day=TruncDate("timestamp"))
                .values("day", "team_id", "verb", "object_type").annotate(n=Count("id")).order_by()):
        # The rollups keep a course's completion apart from a lesson's.
        verb = COURSE_COMPLETION if (row["verb"], row["object_type"]) == ("completed", "course") else row["verb"]
        recount[(row["day"], row["team_id"] or 0, verb)] += row["n"]
        recount[(row["day"], DailyActivity.ALL_TEAMS, verb)] += row["n"]
    folded = {(r.day, r.team_id, r.verb): r.events for r in DailyActivity.objects.all()}
    assert folded == dict(recount)
    assert sum(n for (_, team_id, _), n in folded.items() if team_id == DailyActivity.ALL_TEAMS) == 30_000

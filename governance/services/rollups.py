"""Fold the learning-event log into daily rollups, incrementally.

A high-water mark (RollupState.last_event_id) records the last event folded. Each batch takes the
next `batch_size` event ids, adds them to DailyActivity with an upsert, inserts the (day, actor, verb)
rows into DailyActor (upserting what kind of activity the person had), and moves the mark, all in one transaction with the
mark's row locked. So a batch is folded exactly once: re-running, or running two workers at once,
never counts an event twice, and a worker killed mid-batch leaves nothing half done."""

import logging

from django.db import connection, transaction

from guild.events.models import LearningEvent, Verb

from ..models import DailyActivity, DailyActor, RollupState

logger = logging.getLogger(__name__)

STATE_NAME = "learning-events"


# What counts as learning, authoring and reviewing activity (the dashboards' "active" people).
LEARNING_VERBS = (Verb.REGISTERED, Verb.EXPERIENCED, Verb.COMPLETED, Verb.ATTEMPTED, Verb.PASSED, Verb.FAILED,
                  Verb.REACTED, Verb.RATED, Verb.COMMENTED, Verb.ASKED, Verb.ANSWERED, Verb.CERTIFIED)
AUTHOR_VERBS = (Verb.AUTHORED, Verb.PUBLISHED)
REVIEW_VERBS = (Verb.REVIEWED,)


def _in(verbs):
    # Verbs are our own constants (TextChoices values), never user input.
    return ", ".join(f"'{v.value}'" for v in verbs)


def _day_sql():
    if connection.vendor == "postgresql":
        return "(e.timestamp AT TIME ZONE 'UTC')::date"
    return "date(e.timestamp)"


def fold_batch(*, batch_size=10_000):
    """Fold at most `batch_size` new events. Returns how many events were folded."""
    events = LearningEvent._meta.db_table
    activity = DailyActivity._meta.db_table
    actors = DailyActor._meta.db_table
    day = _day_sql()
    with transaction.atomic():
        state, _ = RollupState.objects.get_or_create(name=STATE_NAME)
        state = RollupState.objects.select_for_update().get(pk=state.pk)
        low = state.last_event_id
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT max(id), count(*) FROM (SELECT id FROM {events} WHERE id > %s ORDER BY id LIMIT %s) AS batch",  # noqa: S608
                [low, batch_size],
            )
            high, count = cursor.fetchone()
            if not count:
                return 0
            cursor.execute(
                f"""INSERT INTO {activity} (day, team_id, course_id, verb, events)
                    SELECT {day}, COALESCE(e.team_id, 0), COALESCE(e.course_id, 0), e.verb, count(*)
                    FROM {events} e WHERE e.id > %s AND e.id <= %s
                    GROUP BY 1, 2, 3, 4
                    ON CONFLICT (day, team_id, course_id, verb) DO UPDATE SET events = {activity}.events + excluded.events""",  # noqa: S608
                [low, high],
            )
            cursor.execute(
                f"""INSERT INTO {actors} (day, actor_id, team_id, learned, authored, reviewed)
                    SELECT {day}, e.actor_id, max(COALESCE(e.team_id, 0)),
                           max(CASE WHEN e.verb IN ({_in(LEARNING_VERBS)}) THEN 1 ELSE 0 END) = 1,
                           max(CASE WHEN e.verb IN ({_in(AUTHOR_VERBS)}) THEN 1 ELSE 0 END) = 1,
                           max(CASE WHEN e.verb IN ({_in(REVIEW_VERBS)}) THEN 1 ELSE 0 END) = 1
                    FROM {events} e WHERE e.id > %s AND e.id <= %s
                    GROUP BY 1, 2
                    ON CONFLICT (day, actor_id) DO UPDATE SET
                        learned = {actors}.learned OR excluded.learned,
                        authored = {actors}.authored OR excluded.authored,
                        reviewed = {actors}.reviewed OR excluded.reviewed
                    WHERE NOT ({actors}.learned >= excluded.learned AND {actors}.authored >= excluded.authored
                               AND {actors}.reviewed >= excluded.reviewed)""",  # noqa: S608
                [low, high],
            )
        state.last_event_id = high
        state.save(update_fields=["last_event_id", "updated_at"])
    return count


def fold_new_events(*, batch_size=10_000, max_batches=None):
    """Fold every event not folded yet, batch after batch. Returns the number of events folded."""
    total = batches = 0
    while max_batches is None or batches < max_batches:
        folded = fold_batch(batch_size=batch_size)
        if not folded:
            break
        total += folded
        batches += 1
    logger.info("governance rollups: folded %s events in %s batches", total, batches)
    return total


def rollup_lag():
    """How many events wait to be folded (for health pages and tests)."""
    state = RollupState.objects.filter(name=STATE_NAME).first()
    return LearningEvent.objects.filter(id__gt=state.last_event_id if state else 0).count()

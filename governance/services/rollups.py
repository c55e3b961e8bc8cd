"""Dashboard rollups: the learning-event log folded incrementally, and a periodic enrolment summary.

Events: a high-water mark (RollupState.last_event_id) records the last event folded. Each batch takes
the next `batch_size` event ids, adds them to DailyActivity per team and for the whole organisation,
moves each person's last-active dates forward in PersonActivity, and moves the mark, all in one
transaction with the mark's row locked. So a batch is folded exactly once: re-running, or running two
workers at once, never counts an event twice, and a worker killed mid-batch leaves nothing half done.

Enrolments change state long after they are made (completed, overdue), so their figures are not a
fold: refresh_enrolment_summary recomputes them per dashboard period, team and source in one pass."""

import logging
from datetime import datetime, time

from django.db import connection, transaction
from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from courses.models import CoursePage, Enrolment, EnrolmentStatus
from governance.models.rollups import (
    ActivePeople,
    CatalogueFigures,
    DailyActivity,
    EnrolmentSummary,
    PersonActivity,
    RollupState,
)
from governance.periods import PERIOD_DAYS, period_start
from governance.verbs import AUTHOR_VERBS, COURSE_COMPLETION, LEARNING_VERBS, REVIEW_VERBS
from guild.events.models import LearningEvent, Verb

logger = logging.getLogger(__name__)


def _in(verbs):
    # Verbs are our own constants (TextChoices values), never user input.
    return ", ".join(f"'{v.value}'" for v in verbs)


def _day_sql():
    if connection.vendor == "postgresql":
        return "(e.timestamp AT TIME ZONE 'UTC')::date"
    return "date(e.timestamp)"


def _greatest():
    # The larger of two dates; each side falls back on the other so that NULL means "never".
    return "GREATEST" if connection.vendor == "postgresql" else "max"


def fold_batch(*, batch_size=10_000):
    """Fold at most `batch_size` new events. Returns how many events were folded."""
    events = LearningEvent._meta.db_table
    activity = DailyActivity._meta.db_table
    people = PersonActivity._meta.db_table
    day, greatest = _day_sql(), _greatest()
    with transaction.atomic():
        state, _ = RollupState.objects.get_or_create(name=RollupState.LEARNING_EVENTS)
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
                f"""WITH batch AS (
                        SELECT {day} AS day, COALESCE(e.team_id, 0) AS team_id,
                               CASE WHEN e.verb = '{Verb.COMPLETED.value}' AND e.object_type = 'course'
                                    THEN '{COURSE_COMPLETION}' ELSE e.verb END AS verb, count(*) AS n
                        FROM {events} e WHERE e.id > %s AND e.id <= %s GROUP BY 1, 2, 3)
                    INSERT INTO {activity} (day, team_id, verb, events)
                    SELECT day, team_id, verb, n FROM batch
                    UNION ALL
                    SELECT day, {DailyActivity.ALL_TEAMS}, verb, sum(n) FROM batch GROUP BY day, verb
                    ON CONFLICT (team_id, day, verb) DO UPDATE SET events = {activity}.events + excluded.events""",  # noqa: S608
                [low, high],
            )
            # The person's team is the one on their latest event (ids grow with time).
            cursor.execute(
                f"""INSERT INTO {people} (actor_id, team_id, last_learned, last_authored, last_reviewed)
                    SELECT b.actor_id, COALESCE(latest.team_id, 0), b.learned, b.authored, b.reviewed
                    FROM (SELECT e.actor_id, max(e.id) AS last_id,
                                 max(CASE WHEN e.verb IN ({_in(LEARNING_VERBS)}) THEN {day} END) AS learned,
                                 max(CASE WHEN e.verb IN ({_in(AUTHOR_VERBS)}) THEN {day} END) AS authored,
                                 max(CASE WHEN e.verb IN ({_in(REVIEW_VERBS)}) THEN {day} END) AS reviewed
                          FROM {events} e WHERE e.id > %s AND e.id <= %s AND e.actor_id IS NOT NULL
                          GROUP BY e.actor_id) AS b
                    JOIN {events} latest ON latest.id = b.last_id
                    WHERE true
                    ON CONFLICT (actor_id) DO UPDATE SET
                        team_id = excluded.team_id,
                        last_learned = {greatest}(COALESCE({people}.last_learned, excluded.last_learned),
                                                  COALESCE(excluded.last_learned, {people}.last_learned)),
                        last_authored = {greatest}(COALESCE({people}.last_authored, excluded.last_authored),
                                                   COALESCE(excluded.last_authored, {people}.last_authored)),
                        last_reviewed = {greatest}(COALESCE({people}.last_reviewed, excluded.last_reviewed),
                                                   COALESCE(excluded.last_reviewed, {people}.last_reviewed))""",  # noqa: S608
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
    # Even with nothing new, the day may have changed: people drop out of "the last 30 days".
    count_active_people()
    logger.info("governance rollups: folded %s events in %s batches", total, batches)
    return total


def rollup_lag():
    """How many events wait to be folded (for health pages and tests)."""
    state = RollupState.objects.filter(name=RollupState.LEARNING_EVENTS).first()
    return LearningEvent.objects.filter(id__gt=state.last_event_id if state else 0).count()


def count_active_people(*, today=None):
    """Recount ActivePeople: per dashboard period and team, the people whose last learning, authoring
    or reviewing falls in the period. One grouped pass over PersonActivity (a row per person)."""
    today = today or timezone.localdate()
    figures = {}
    for days in PERIOD_DAYS:
        start = period_start(days, today=today)
        figures |= {f"learners_{days}": Count("pk", filter=Q(last_learned__gte=start)),
                    f"authors_{days}": Count("pk", filter=Q(last_authored__gte=start)),
                    f"reviewers_{days}": Count("pk", filter=Q(last_reviewed__gte=start))}
    rows = [
        ActivePeople(period_days=days, team_id=group["team_id"], learners=group[f"learners_{days}"],
                     authors=group[f"authors_{days}"], reviewers=group[f"reviewers_{days}"])
        for group in PersonActivity.objects.values("team_id").annotate(**figures).order_by()
        for days in PERIOD_DAYS
        if group[f"learners_{days}"] or group[f"authors_{days}"] or group[f"reviewers_{days}"]
    ]
    with transaction.atomic():
        _lock_state(RollupState.ACTIVE_PEOPLE)
        ActivePeople.objects.all().delete()
        ActivePeople.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _lock_state(name):
    """Lock the state row `name` for this transaction: one replacement of a snapshot at a time (two at
    once would each delete the old rows, then both insert theirs)."""
    state, _ = RollupState.objects.get_or_create(name=name)
    return RollupState.objects.select_for_update().get(pk=state.pk)


def refresh_enrolment_summary(*, today=None):
    """Recompute EnrolmentSummary: for each dashboard period, team and source, the enrolments made in
    the period, how many were completed, their time to complete and learning minutes, and how many
    are overdue. One grouped pass over the last year's enrolments; readers see the old figures until
    the new ones commit. The catalogue's SME figures (CatalogueFigures) are replaced with them.
    Returns the number of summary rows."""
    today = today or timezone.localdate()
    zone = timezone.get_current_timezone()
    since = {days: timezone.make_aware(datetime.combine(period_start(days, today=today), time.min), zone)
             for days in PERIOD_DAYS}
    done = Q(status=EnrolmentStatus.COMPLETED, completed_at__isnull=False)
    overdue = Q(status=EnrolmentStatus.ACTIVE, due_date__lt=today)
    figures = {}
    for days, start in since.items():
        in_period = Q(enrolled_at__gte=start)
        figures |= {
            f"enrolments_{days}": Count("id", filter=in_period),
            f"completed_{days}": Count("id", filter=in_period & done),
            f"completion_{days}": Sum(F("completed_at") - F("enrolled_at"), filter=in_period & done),
            f"minutes_{days}": Sum("course__estimated_minutes", filter=in_period & done),
            f"overdue_{days}": Count("id", filter=in_period & overdue),
        }
    groups = (Enrolment.objects.filter(enrolled_at__gte=min(since.values()))
              .values("learner__team_id", "source").annotate(**figures).order_by())
    rows = []
    for group in groups:
        for days in PERIOD_DAYS:
            if not group[f"enrolments_{days}"]:
                continue
            completion = group[f"completion_{days}"]
            rows.append(EnrolmentSummary(
                period_days=days, team_id=group["learner__team_id"] or 0, source=group["source"],
                enrolments=group[f"enrolments_{days}"], completed=group[f"completed_{days}"],
                completion_seconds=completion.total_seconds() if completion else 0,
                learning_minutes=group[f"minutes_{days}"] or 0, overdue=group[f"overdue_{days}"],
            ))
    catalogue = CoursePage.objects.live().aggregate(
        live_courses=Count("id", distinct=True),
        internal_courses=Count("id", distinct=True, filter=Q(course_authors__isnull=False)),
        authors=Count("course_authors__user", distinct=True),
    )
    with transaction.atomic():
        state = _lock_state(RollupState.ENROLMENT_SUMMARY)
        EnrolmentSummary.objects.all().delete()
        EnrolmentSummary.objects.bulk_create(rows, batch_size=1000)
        CatalogueFigures.objects.all().delete()
        CatalogueFigures.objects.create(**catalogue)
        state.save(update_fields=["updated_at"])
    logger.info("governance rollups: enrolment summary refreshed (%s rows)", len(rows))
    return len(rows)


def refresh_rollups():
    """Everything the dashboards read, brought up to date now (demo seed, tests, the shell)."""
    folded = fold_new_events()
    refresh_enrolment_summary()
    return folded


"""Dashboard rollups: the learning-event log folded incrementally, and a periodic enrolment summary.

Events: a high-water mark (RollupState.last_event_id) records the last event folded. Each batch takes
the next `batch_size` event ids, adds them to DailyActivity per team and for the whole organisation,
moves each person's last-active dates forward in PersonActivity, marks the days they were active in
PersonDay, and moves the mark, all in one
transaction with the mark's row locked. So a batch is folded exactly once: re-running, or running two
workers at once, never counts an event twice, and a worker killed mid-batch leaves nothing half done.

Enrolments change state long after they are made (completed, overdue), and "active in the last 30
days" changes as days pass, so those figures are not a fold: refresh_summaries recomputes them per
window (each dashboard period and the one before it) on its own, slower schedule. Their cost follows
the size of the windows, not the new events, so they stay out of the fold, which keeps pace with a
COPY of the events it folds."""

import logging
from datetime import datetime, time, timedelta

from django.db import connection, transaction
from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from courses.models import CoursePage, Enrolment
from governance.models.rollups import (
    ActivePeople,
    CatalogueFigures,
    DailyActivity,
    EnrolmentSummary,
    PersonActivity,
    PersonDay,
    RollupState,
)
from governance.periods import summary_windows
from governance.selectors.definitions import enrolled_in, enrolment_done, enrolment_overdue
from governance.verbs import AUTHOR_VERBS, COURSE_COMPLETION, LEARNING_VERBS, REVIEW_VERBS
from guild.events.models import LearningEvent, Verb
from guild.people.models import User

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
    person_days = PersonDay._meta.db_table
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
            # The days each person was active, and their team on their latest event of the day.
            cursor.execute(
                f"""INSERT INTO {person_days} (actor_id, day, team_id, learned, authored, reviewed)
                    SELECT b.actor_id, b.day, COALESCE(latest.team_id, 0), b.learned > 0, b.authored > 0, b.reviewed > 0
                    FROM (SELECT e.actor_id, {day} AS day, max(e.id) AS last_id,
                                 sum(CASE WHEN e.verb IN ({_in(LEARNING_VERBS)}) THEN 1 ELSE 0 END) AS learned,
                                 sum(CASE WHEN e.verb IN ({_in(AUTHOR_VERBS)}) THEN 1 ELSE 0 END) AS authored,
                                 sum(CASE WHEN e.verb IN ({_in(REVIEW_VERBS)}) THEN 1 ELSE 0 END) AS reviewed
                          FROM {events} e WHERE e.id > %s AND e.id <= %s AND e.actor_id IS NOT NULL
                          GROUP BY e.actor_id, 2) AS b
                    JOIN {events} latest ON latest.id = b.last_id
                    WHERE true
                    ON CONFLICT (actor_id, day) DO UPDATE SET
                        team_id = excluded.team_id,
                        learned = {person_days}.learned OR excluded.learned,
                        authored = {person_days}.authored OR excluded.authored,
                        reviewed = {person_days}.reviewed OR excluded.reviewed""",  # noqa: S608
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
    state = RollupState.objects.filter(name=RollupState.LEARNING_EVENTS).first()
    return LearningEvent.objects.filter(id__gt=state.last_event_id if state else 0).count()


def count_active_people(*, today=None, windows=None):
    """Recount ActivePeople for `windows` ([(first day, last day)]; by default each dashboard period
    ending today and the one before it): per window and team, the distinct people who learned, authored
    or reviewed in it, from PersonDay. Deactivated accounts are left out, as they are from the
    headcount these figures are compared with. A person counts once per window, in the team of their
    last active day in it. One pass over PersonDay for all the windows at once (they overlap: a pass
    each read the same rows up to six times)."""
    replace_all = windows is None  # the dashboards' own windows replace every row; others are added beside them
    windows = windows or summary_windows(today=today)
    days, users = PersonDay._meta.db_table, User._meta.db_table
    # A person's last active day in a window and their team that day, read in the same pass: the
    # largest of (day, team) packed into one number (days since 2000 above, the team id below).
    last_day_team = f"({_day_number('d.day')} * {TEAM_SPAN} + d.team_id)"
    per_window, params = [], []
    for i, (start, end) in enumerate(windows):
        inside = "FILTER (WHERE d.day >= %s AND d.day <= %s)"
        per_window.append(f"max{last_day_team} {inside} AS last_{i}, {_any('d.learned')} {inside} AS learned_{i}, "
                          f"{_any('d.authored')} {inside} AS authored_{i}, {_any('d.reviewed')} {inside} AS reviewed_{i}")
        params += [start, end] * 4
    by_window = " UNION ALL ".join(
        f"SELECT {i} AS w, last_{i} %% {TEAM_SPAN} AS team_id, learned_{i} AS learned, authored_{i} AS authored, "  # noqa: S608 - numbers only
        f"reviewed_{i} AS reviewed FROM people WHERE last_{i} IS NOT NULL" for i in range(len(windows)))
    params += [min(start for start, _end in windows), max(end for _start, end in windows)]
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # PostgreSQL's JIT spent 9 of this query's 10 s at size L compiling its two dozen aggregates.
            cursor.execute("SET LOCAL jit = off")
        cursor.execute(
            f"""WITH people AS (
                    SELECT d.actor_id, {", ".join(per_window)}
                    FROM {days} d JOIN {users} u ON u.id = d.actor_id AND u.is_active
                    WHERE d.day >= %s AND d.day <= %s GROUP BY d.actor_id)
                SELECT a.w, a.team_id, sum(CASE WHEN a.learned THEN 1 ELSE 0 END),
                       sum(CASE WHEN a.authored THEN 1 ELSE 0 END), sum(CASE WHEN a.reviewed THEN 1 ELSE 0 END)
                FROM ({by_window}) AS a
                GROUP BY a.w, a.team_id""",  # noqa: S608 - only placeholders carry values
            params,
        )
        rows = [ActivePeople(starts_on=windows[w][0], ends_on=windows[w][1], team_id=team, learners=learners or 0,
                             authors=authors or 0, reviewers=reviewers or 0)
                for w, team, learners, authors, reviewers in cursor.fetchall()]
    with transaction.atomic():
        _lock_state(RollupState.ACTIVE_PEOPLE)
        old = ActivePeople.objects.all()
        if not replace_all:
            old = old.filter(starts_on__in={start for start, _end in windows}, ends_on__in={end for _s, end in windows})
        old.delete()
        ActivePeople.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


# Team ids stay below this (2**40), so a (day, team) pair packs into one 64-bit number.
TEAM_SPAN = 1 << 40


def _day_number(column):
    # Whole days since 2000-01-01, the same on PostgreSQL and SQLite.
    if connection.vendor == "postgresql":
        return f"({column} - DATE '2000-01-01')::bigint"
    return f"CAST(julianday({column}) - julianday('2000-01-01') AS INTEGER)"


def _any(column):
    # Whether any row of the group is true (PostgreSQL has bool_or; SQLite keeps booleans as 0/1).
    return f"bool_or({column})" if connection.vendor == "postgresql" else f"max({column})"


def _lock_state(name):
    """Lock the state row `name` for this transaction: one replacement of a snapshot at a time (two at
    once would each delete the old rows, then both insert theirs)."""
    state, _ = RollupState.objects.get_or_create(name=name)
    return RollupState.objects.select_for_update().get(pk=state.pk)


def refresh_enrolment_summary(*, today=None):
    """Recompute EnrolmentSummary: for each window (each dashboard period and the one before it), team
    and source, the enrolments made in the window, how many were completed, their time to complete and
    learning minutes, and how many are overdue now. One grouped pass over the last two years'
    enrolments; readers see the old figures until the new ones commit. The catalogue's SME figures
    (CatalogueFigures) are replaced with them. Returns the number of summary rows."""
    today = today or timezone.localdate()
    zone = timezone.get_current_timezone()

    def at(day):
        return timezone.make_aware(datetime.combine(day, time.min), zone)

    windows = summary_windows(today=today)
    done = enrolment_done()
    overdue = enrolment_overdue(today)
    figures = {}
    for i, (start, end) in enumerate(windows):
        in_window = enrolled_in(at(start), at(end + timedelta(days=1)))
        figures |= {
            f"enrolments_{i}": Count("id", filter=in_window),
            f"completed_{i}": Count("id", filter=in_window & done),
            f"completion_{i}": Sum(F("completed_at") - F("enrolled_at"), filter=in_window & done),
            f"minutes_{i}": Sum("course__estimated_minutes", filter=in_window & done),
            f"overdue_{i}": Count("id", filter=in_window & overdue),
        }
    groups = (Enrolment.objects.filter(enrolled_at__gte=at(min(start for start, _end in windows)))
              .values("learner__team_id", "source").annotate(**figures).order_by())
    rows = []
    for group in groups:
        for i, (start, end) in enumerate(windows):
            if not group[f"enrolments_{i}"]:
                continue
            completion = group[f"completion_{i}"]
            rows.append(EnrolmentSummary(
                starts_on=start, ends_on=end, team_id=group["learner__team_id"] or 0, source=group["source"],
                enrolments=group[f"enrolments_{i}"], completed=group[f"completed_{i}"],
                completion_seconds=completion.total_seconds() if completion else 0,
                learning_minutes=group[f"minutes_{i}"] or 0, overdue=group[f"overdue_{i}"],
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


def refresh_summaries(*, today=None):
    """The dashboards' snapshots, recounted: enrolments per window and active people per window. Run on
    a schedule, even when nothing new was folded: people drop out of "the last 30 days" as days pass,
    enrolments fall overdue, and accounts are deactivated."""
    rows = refresh_enrolment_summary(today=today)
    count_active_people(today=today)
    return rows


def refresh_rollups():
    """Everything the dashboards read, brought up to date now (demo seed, tests, the shell)."""
    folded = fold_new_events()
    refresh_summaries()
    return folded


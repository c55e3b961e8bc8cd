"""The reminder sweep: due-date reminders, overdue reminders, manager escalations and inactivity nudges.

One pass walks the active enrolments that may owe a message, in bounded primary-key windows
(keyset pagination), works out in Python which messages each one is due for now, and writes them
to the outbox under keys that name the occurrence. Keys make the sweep idempotent: a second sweep,
a retried task or a sweep that died half-way and runs again inserts nothing twice."""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Case, DateField, Max, Q, Value, When
from django.db.models.functions import Cast
from django.utils import timezone

from courses.models import Enrolment, EnrolmentStatus
from guild.notifications.services import NewMessage, insert_new_messages
from guild.notifications.tasks import enqueue_delivery
from guild.notifications.timing import local_date, send_time
from guild.people.models import Team

from . import conf
from .models import ReminderPolicy

logger = logging.getLogger(__name__)
User = get_user_model()

# One row per candidate enrolment; `Candidate` names its fields. No timestamps: dates and ids load
# far faster, and a sweep reads hundreds of thousands of rows.
CANDIDATE_FIELDS = (
    "pk", "learner_id", "course_id", "due_date", "idle_since",
    "learner__timezone", "learner__team_id", "learner__first_name", "learner__last_name", "learner__email",
    "course__title", "course__is_mandatory",
)


@dataclass(frozen=True)
class Candidate:
    pk: int
    learner_id: int
    course_id: int
    due_date: object
    idle_since: object  # the (UTC) day of the last activity of a started enrolment idle past the threshold
    timezone: str
    team_id: int | None
    first_name: str
    last_name: str
    email: str
    course_title: str
    mandatory: bool


class Clock:
    """`now` seen from each time zone: the local date and the next sending time, worked out once
    per zone and sweep rather than once per enrolment (a sweep meets a few dozen zones, not millions)."""

    def __init__(self, now, policy):
        self.now = now
        self.from_hour, self.until_hour = policy.send_from_hour, policy.send_until_hour
        self._today, self._send_at = {}, {}

    def today(self, tz_name):
        if tz_name not in self._today:
            self._today[tz_name] = local_date(self.now, tz_name)
        return self._today[tz_name]

    def send_at(self, tz_name):
        if tz_name not in self._send_at:
            self._send_at[tz_name] = send_time(self.now, tz_name, self.from_hour, self.until_hour)
        return self._send_at[tz_name]


def managers_of(rows) -> dict[int, tuple[int, str]]:
    """{learner id: (manager id, manager time zone)} for candidates, as User.manager resolves it
    (the team's manager, else up the tree), in three queries."""
    team_ids = {r.team_id for r in rows if r.team_id}
    if not team_ids:
        return {}
    paths = list(Team.objects.filter(pk__in=team_ids).values_list("pk", "path"))
    steplen = Team.steplen
    prefixes = {path[:n] for _, path in paths for n in range(steplen, len(path) + 1, steplen)}
    managers_by_path = dict(Team.objects.filter(path__in=prefixes).values_list("path", "manager_id"))
    path_of = dict(paths)
    result, manager_ids = {}, set()
    for row in rows:
        path = path_of.get(row.team_id)
        while path:
            manager_id = managers_by_path.get(path)
            if manager_id and manager_id != row.learner_id:
                result[row.learner_id] = manager_id
                manager_ids.add(manager_id)
                break
            path = path[:-steplen]
    zones = dict(User.objects.filter(pk__in=manager_ids, is_active=True).values_list("pk", "timezone"))
    return {learner: (m, zones[m]) for learner, m in result.items() if m in zones}


def due_messages(row: Candidate, *, policy, before_due, clock: Clock, managers) -> list[NewMessage]:
    """The messages one enrolment is due for now (their keys make repeats harmless)."""
    eid, learner, tz_name = row.pk, row.learner_id, row.timezone
    base = {"enrolment": eid, "course": row.course_id, "course_title": row.course_title,
            "due_date": row.due_date.isoformat() if row.due_date else None}
    at = clock.send_at(tz_name)
    out = []

    def add(key, kind, recipient_id, send_after, **extra):
        out.append(NewMessage(key, recipient_id, kind, {**base, **extra}, row.mandatory, send_after))

    due = row.due_date
    if due is not None:
        days_left = (due - clock.today(tz_name)).days
        if days_left >= 0:
            window = next((d for d in reversed(before_due) if days_left <= d), None)
            if window is not None:
                add(f"reminder:due-{window}:{eid}:{due}", "reminder.due", learner, at, days=days_left)
        else:
            days_over = -days_left
            if policy.overdue_max_reminders:
                n = min((days_over - 1) // policy.overdue_every_days, policy.overdue_max_reminders - 1) + 1
                add(f"reminder:overdue-{n}:{eid}:{due}", "reminder.overdue", learner, at, days=days_over, occurrence=n)
            manager = managers.get(learner)
            if policy.escalate_after_days and days_over >= policy.escalate_after_days and manager:
                name = f"{row.first_name} {row.last_name}".strip() or row.email
                add(f"escalation:overdue:{eid}:{due}", "escalation.overdue", manager[0], clock.send_at(manager[1]),
                    days=days_over, learner=learner, learner_name=name)
    if row.idle_since is not None:
        add(f"nudge:inactive:{eid}:{row.idle_since:%Y%m%d}", "reminder.inactive", learner, at,
            days=(clock.today(tz_name) - row.idle_since).days)
    return out


def _idle(policy, now):
    return Q(started_at__isnull=False, last_activity_at__lt=now - timedelta(days=policy.inactivity_days))


def reminder_candidates(*, policy, now):
    """Active enrolments that may owe a reminder: due within the reminder window, overdue no longer
    than the last overdue reminder or escalation, or idle past the nudge threshold (`idle_since`)."""
    today = now.date()
    before = policy.before_due
    # One day of slack either side: "today" differs by time zone.
    latest_due = today + timedelta(days=(max(before) if before else 0) + 1)
    overdue_span = max(
        (policy.overdue_max_reminders - 1) * policy.overdue_every_days + 1 if policy.overdue_max_reminders else 0,
        policy.escalate_after_days,
    )
    earliest_due = today - timedelta(days=overdue_span + 1)
    condition = Q(due_date__gte=earliest_due, due_date__lte=latest_due)
    idle_since = Value(None, output_field=DateField())
    if policy.inactivity_days:
        condition |= _idle(policy, now)
        idle_since = Case(When(_idle(policy, now), then=Cast("last_activity_at", DateField())), default=idle_since)
    # A deactivated (offboarded) person gets no reminder, and their manager no escalation about them.
    return (Enrolment.objects.filter(condition, status=EnrolmentStatus.ACTIVE, learner__is_active=True)
            .annotate(idle_since=idle_since))


def _may_escalate(row, *, policy, today):
    return bool(policy.escalate_after_days and row.due_date
                and (today - row.due_date).days >= policy.escalate_after_days - 1)


def sweep_reminders(*, now=None, batch_size=None, enqueue=True) -> dict:
    """Queue every enrolment reminder, overdue reminder, manager escalation and inactivity nudge
    that is due now. Callable directly (benchmarks, shell) or from the Celery task.

    Per batch of `batch_size` enrolments: one keyset query, one insert of the new messages, and
    (only with escalations) three queries to find managers, so the query count depends on the
    number of batches, never on the rows in a batch. Each batch enqueues at most one delivery task."""
    now = now or timezone.now()
    batch_size = batch_size or conf.reminder_batch_size()
    policy = ReminderPolicy.get()
    before_due = policy.before_due
    clock = Clock(now, policy)
    candidates = reminder_candidates(policy=policy, now=now).order_by("pk").values_list(*CANDIDATE_FIELDS)
    counts = {"scanned": 0, "queued": 0, "skipped": 0, "batches": 0}
    # Each query walks at most `window` entries of the primary key: the cost per batch stays flat
    # however large the table grows (an open-ended "id > last" lets the planner sort the whole
    # candidate range every batch).
    top = Enrolment.objects.aggregate(top=Max("pk"))["top"] or 0
    window = batch_size * 4
    last = 0
    while last < top:
        rows = [Candidate(*r) for r in candidates.filter(pk__gt=last, pk__lte=last + window)[:batch_size]]
        last = last + window if len(rows) < batch_size else rows[-1].pk
        if not rows:
            continue
        counts["batches"] += 1
        counts["scanned"] += len(rows)
        needs_manager = [r for r in rows if _may_escalate(r, policy=policy, today=now.date())]
        managers = managers_of(needs_manager) if needs_manager else {}
        messages = []
        for row in rows:
            try:
                messages.extend(due_messages(row, policy=policy, before_due=before_due, clock=clock, managers=managers))
            except Exception:  # noqa: BLE001 - a bad row is logged and skipped, the sweep goes on
                logger.exception("reminder sweep: skipped enrolment %s", row.pk)
                counts["skipped"] += 1
        queued = insert_new_messages(messages)
        counts["queued"] += queued
        if queued and enqueue:
            enqueue_delivery()
    logger.info("reminder sweep: %(scanned)s enrolments in %(batches)s batches, %(queued)s queued, "
                "%(skipped)s skipped", counts)
    return counts

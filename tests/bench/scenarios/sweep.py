"""Reminder sweep over every enrolment (issue 6): courses.automation.reminders.sweep_reminders
against one raw SQL query selecting the same due enrolments plus a COPY of as many outbox rows
as the sweep queued. Also: a second sweep (nothing new to send) against the first, and the
peak memory of a sweep in a fresh process."""

import json
import subprocess
import sys
from datetime import timedelta

from django.utils import timezone

from ..measure import Row, below_row, median, ratio_row, sample
from . import Skip, raw_cursor

SCENARIO = "sweep"
MEMORY_LIMIT_MB = 300


def metrics(size):
    return [f"first sweep [{size}]", f"second sweep / first [{size}]", f"peak memory [{size}]"]


def _bounds(policy, now):
    """The due-date window and idle threshold of automation.reminders.reminder_candidates."""
    today = now.date()
    before = policy.before_due
    latest_due = today + timedelta(days=(max(before) if before else 0) + 1)
    span = max((policy.overdue_max_reminders - 1) * policy.overdue_every_days + 1 if policy.overdue_max_reminders else 0,
               policy.escalate_after_days)
    earliest_due = today - timedelta(days=span + 1)
    idle_before = now - timedelta(days=policy.inactivity_days) if policy.inactivity_days else None
    return earliest_due, latest_due, idle_before


def _baseline(cur, *, policy, now, copies):
    earliest, latest, idle_before = _bounds(policy, now)
    idle = "OR (e.started_at IS NOT NULL AND e.last_activity_at < %(idle)s)" if idle_before else ""
    cur.execute(
        f"""SELECT e.id, e.learner_id, e.course_id, e.due_date, e.started_at, e.last_activity_at,
                   u.timezone, u.team_id, u.first_name, u.last_name, u.email, p.title, c.is_mandatory
            FROM courses_enrolment e JOIN people_user u ON u.id = e.learner_id
            JOIN wagtailcore_page p ON p.id = e.course_id JOIN courses_coursepage c ON c.page_ptr_id = e.course_id
            WHERE e.status = 'active' AND ((e.due_date BETWEEN %(earliest)s AND %(latest)s) {idle})""",  # noqa: S608
        {"earliest": earliest, "latest": latest, "idle": idle_before},
    )
    rows = cur.fetchall()
    payload = json.dumps({"enrolment": 0, "course": 0, "course_title": "x" * 30, "due_date": "2026-01-01", "days": 3})
    stamp, null = now.isoformat(), "\\N"
    data = "".join(
        f"bench:{i}\t{rows[i % len(rows)][1] if rows else null}\t\treminder.due\t{payload}\tf\tqueued\t{stamp}\t{stamp}"
        "\t\t0\t\t\t\t\n"
        for i in range(copies)
    ).encode()
    with cur.copy("COPY notifications_outboxmessage (key, recipient_id, to_email, kind, payload, mandatory, status, "
                  "send_after, created_at, claim_token, attempts, last_error, subject, body, channels) "
                  "FROM STDIN") as copy:
        copy.write(data)
    cur.connection.commit()


def _clear_outbox(cur):
    cur.execute("DELETE FROM notifications_outboxmessage")
    cur.connection.commit()


def sweep_in_fresh_process(env, now):
    """{seconds, peak_rss_mb, start_rss_mb, counts} of one sweep run by a fresh process."""
    out = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "tests.bench.probe", "sweep", now.isoformat()], env=env, capture_output=True,
        text=True, timeout=3600, check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(ctx):
    try:
        from courses.automation.models import ReminderPolicy
        from courses.automation.reminders import sweep_reminders
    except ImportError as exc:
        raise Skip("courses.automation.reminders.sweep_reminders is not built yet") from exc

    policy = ReminderPolicy.get()
    now = timezone.now()
    cur = raw_cursor()
    # Over a million enrolments one sweep takes minutes: at L a single run of each is the figure.
    runs = 1 if ctx.size == "L" else min(ctx.runs, 3)
    # The first sweep runs in a fresh process, which also gives its peak memory (after a warm-up
    # in this process at the smaller sizes, so both start from a warm database cache).
    if runs > 1:
        _clear_outbox(cur)
        sweep_reminders(now=now, enqueue=False)
    first, memory = [], []
    for _ in range(runs):
        _clear_outbox(cur)
        probe = sweep_in_fresh_process(ctx.server_env, now)
        first.append(probe["seconds"])
        memory.append(probe["peak_rss_mb"])
    counts, queued = probe["counts"], probe["counts"]["queued"]
    second_counts = {}
    second = sample(lambda: second_counts.update(sweep_reminders(now=now, enqueue=False)), runs=runs, warmup=0)
    baseline = sample(lambda: _baseline(cur, policy=policy, now=now, copies=queued), runs=runs, warmup=1,
                      before=lambda: _clear_outbox(cur))
    _clear_outbox(cur)
    cur.close()
    rows = [
        ratio_row(SCENARIO, f"first sweep [{ctx.size}]", median(first), median(baseline), limit=3, unit="s",
                  note=f"scanned {counts['scanned']} in {counts['batches']} batches, queued {queued}; "
                       "baseline: raw SELECT of the due enrolments + COPY of as many outbox rows"),
        ratio_row(SCENARIO, f"second sweep / first [{ctx.size}]", median(second), median(first), limit=0.5, unit="s",
                  note=f"the second sweep queued {second_counts.get('queued')}"),
        below_row(SCENARIO, f"peak memory [{ctx.size}]", max(memory), MEMORY_LIMIT_MB, unit="MB",
                  note=f"max RSS of a fresh process running one sweep (after loading Django: {probe['start_rss_mb']} MB)"),
    ]
    if second_counts.get("queued"):
        rows.append(Row(SCENARIO, f"second sweep sends nothing [{ctx.size}]", second_counts["queued"], 0, "messages",
                        "0 queued", False))
    return rows

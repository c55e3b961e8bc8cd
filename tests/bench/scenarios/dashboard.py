"""Governance dashboard over the whole event log (issue 8): the dashboard answers from rollups in
under 50 ms and at least 20x faster than one raw GROUP BY over the events for the same period;
folding 100,000 new events into the rollups costs at most 1.2x a COPY of those events. The periodic
recount of the snapshots (enrolments and active people per window) is reported beside it, for
information: its cost follows the windows, not the new events."""

import json

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from ..measure import below_row, median, ms, ratio_row, sample
from ..seed import VERBS
from . import Skip, raw_cursor

SCENARIO = "dashboard"
ANSWER_MS = 50
NEW_EVENTS = 100_000


def metrics(size):
    return [f"dashboard selector [{size}]", f"dashboard page [{size}]", f"selector vs raw GROUP BY [{size}]",
            f"fold new events vs COPY [{size}]", f"summaries refresh [{size}]"]


def _ld_admin():
    from guild.people.roles import Role

    return get_user_model().objects.filter(groups__name=str(Role.LD_ADMIN), is_active=True).order_by("pk").first()


def _raw_group_by(cur, period_days):
    cur.execute(
        """SELECT verb, count(*), count(DISTINCT actor_id) FROM events_learningevent
           WHERE timestamp >= now() - make_interval(days => %s) GROUP BY verb""",
        [period_days],
    )
    cur.fetchall()


def _new_events(cur, count):
    """COPY text for `count` events shaped like the seeded ones (real people, courses and teams)."""
    cur.execute("SELECT id, team_id FROM people_user WHERE team_id IS NOT NULL ORDER BY id LIMIT 500")
    people = cur.fetchall()
    cur.execute("SELECT page_ptr_id FROM courses_coursepage ORDER BY page_ptr_id LIMIT 500")
    courses = [r[0] for r in cur.fetchall()]
    stamp = timezone.now().isoformat()
    lines = []
    for i in range(count):
        actor, team = people[i % len(people)]
        course = courses[i % len(courses)]
        lines.append(f"{stamp}\t{VERBS[i % len(VERBS)]}\tcourse\t{course}\t\t{course}\t{team}\t{{}}\t{{}}\t{actor}\n")
    return "".join(lines).encode()


def _copy_events(cur, data):
    with cur.copy("COPY events_learningevent (timestamp, verb, object_type, object_id, object_name, course_id, "
                  "team_id, result, context, actor_id) FROM STDIN") as copy:
        copy.write(data)
    cur.connection.commit()


def _vacuum_rollups():
    """What autovacuum does after a bulk fold: folding millions of events at once rewrites each day's
    rows many times over, and the dashboard should be timed as it runs in service, not on dead rows."""
    from governance.models import DailyActivity, EnrolmentSummary, PersonActivity, PersonDay

    connection.ensure_connection()
    autocommit = connection.connection.autocommit
    connection.connection.autocommit = True  # VACUUM cannot run inside a transaction
    try:
        with connection.connection.cursor() as cur:
            for model in (DailyActivity, PersonActivity, PersonDay, EnrolmentSummary):
                cur.execute(f"VACUUM ANALYZE {model._meta.db_table}")
    finally:
        connection.connection.autocommit = autocommit


def run(ctx):
    try:
        from governance.selectors.dashboard import dashboard, parse_filters
        from governance.services.rollups import (
            fold_new_events,
            refresh_summaries,
            rollup_lag,
        )
    except ImportError as exc:
        raise Skip("governance rollups or dashboard selector not built yet") from exc
    try:
        url = reverse("governance:dashboard")
    except NoReverseMatch as exc:
        raise Skip("no governance:dashboard URL") from exc
    admin = _ld_admin()
    if admin is None:
        raise Skip("no L&D admin in the seeded data")

    # Set-up, not timed against anything: bring the rollups up to date with the seeded log.
    lag = rollup_lag()
    started = timezone.now()
    fold_new_events(batch_size=500_000)
    initial_fold_s = (timezone.now() - started).total_seconds()
    started = timezone.now()
    refresh_summaries()
    summary_s = (timezone.now() - started).total_seconds()
    _vacuum_rollups()

    filters = parse_filters({})
    selector = sample(lambda: dashboard(parse_filters({})), runs=max(ctx.runs, 10), warmup=2)
    client = Client()
    client.force_login(admin)
    response = client.get(url)
    if response.status_code != 200:
        raise Skip(f"{url} answered {response.status_code}")
    page = sample(lambda: client.get(url), runs=max(ctx.runs, 10), warmup=1)
    cur = raw_cursor()
    raw = sample(lambda: _raw_group_by(cur, filters.period), runs=min(ctx.runs, 3), warmup=1)
    cur.connection.commit()

    # Folding N new events against a COPY of the same N events.
    new = 1_000 if ctx.smoke else NEW_EVENTS
    copies, folds = [], []
    for _ in range(min(ctx.runs, 3)):
        rows = _new_events(cur, new)
        copies += sample(lambda r=rows: _copy_events(cur, r), runs=1, warmup=0)
        folds += sample(lambda: fold_new_events(), runs=1, warmup=0)
    refreshes = sample(lambda: refresh_summaries(), runs=min(ctx.runs, 3), warmup=0)
    cur.close()
    connection.close()  # the raw cursor's commits ended Django's view of any transaction
    events = json.dumps({"events_folded_at_setup": lag, "setup_fold_seconds": round(initial_fold_s, 1),
                         "summaries_seconds": round(summary_s, 1)})
    return [
        below_row(SCENARIO, f"dashboard selector [{ctx.size}]", ms(median(selector)), ANSWER_MS,
                  note="governance.selectors.dashboard.dashboard(default filters), in process"),
        below_row(SCENARIO, f"dashboard page [{ctx.size}]", ms(median(page)), ANSWER_MS,
                  note="GET /governance/ as an L&D admin through the test client (rendered HTML)"),
        ratio_row(SCENARIO, f"selector vs raw GROUP BY [{ctx.size}]", ms(median(selector)), ms(median(raw)),
                  limit=0.05, note=f"<= 0.05 means at least 20x faster; {filters.period}-day period; {events}"),
        ratio_row(SCENARIO, f"fold new events vs COPY [{ctx.size}]", median(folds), median(copies), limit=1.2,
                  unit="s", note=f"{new} new events per run"),
        ratio_row(SCENARIO, f"summaries refresh [{ctx.size}]", median(refreshes), None, unit="s",
                  note="refresh_summaries(): enrolments and active people for the six windows (every "
                       "GUILD_GOVERNANCE_SUMMARY_INTERVAL seconds, 600 by default)"),
    ]

"""The scale seeder: a synthetic organisation written with COPY and set-based INSERT ... SELECT,
never one ORM save per row.

Rows that need Python (people, teams, Wagtail pages with their tree paths, lesson bodies) go
through psycopg 3's `cursor.copy()`; the two big tables (enrolments, learning events) are
generated inside PostgreSQL with generate_series. During the load, foreign-key triggers are
off (session_replication_role = replica: every id is built consistent) and the secondary
indexes of the big tables are dropped, then rebuilt once at the end.

Wagtail pages are valid tree nodes: path/depth/numchild (treebeard's materialised path, 4
characters a step) and url_path are computed here for CataloguePage -> CoursePage -> LessonPage,
all live, and the search index (wagtailsearch_indexentry) is filled for them in SQL, the way the
database search backend's indexer writes it.
"""

import json
import random
import time
import uuid
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models.signals import post_save
from django.utils import timezone

from .seed_search import seed_search_index
from .seed_sql import (
    STEPLEN,
    copy_rows,
    decode,
    next_id,
    secondary_indexes,
    step,
    sync_sequence,
    unique_constraints,
)
from .sizes import BIG_COURSE_LESSONS, SIZES, Size

BENCH_PASSWORD = "guild-bench"  # noqa: S105 - synthetic people on a throwaway database
MARKER_TABLE = "bench_seed"
BIG_COURSE_SLUG = "bench-course-100-lessons"
HOT_LEARNER_EMAIL = "learner0@bench.example.com"

TOPICS = [
    "SQL", "Python", "leadership", "negotiation", "security", "privacy", "onboarding", "feedback",
    "analytics", "design", "accessibility", "coaching", "budgeting", "forecasting", "Kubernetes",
    "testing", "writing", "presenting", "hiring", "compliance", "ethics", "pricing", "support",
    "marketing", "sales", "statistics", "spreadsheets", "architecture", "incidents", "retention",
]
WORDS = (
    "team data customer query report risk goal plan review process quality metric change value "
    "question answer example practice habit meeting decision owner deadline budget cost growth "
    "learning skill expert peer course lesson project product service incident policy contract "
    "market forecast model pipeline release backlog estimate priority stakeholder interview"
).split()
VERBS = ["experienced", "experienced", "experienced", "completed", "attempted", "passed", "registered",
         "reacted", "rated", "asked", "commented", "failed"]


class NotEmpty(Exception):
    pass


@dataclass
class SeedReport:
    size: str
    seconds: float = 0.0
    phases: dict = field(default_factory=dict)
    counts: dict = field(default_factory=dict)

    def as_dict(self):
        return {"size": self.size, "seconds": round(self.seconds, 2), "phases": self.phases, "counts": self.counts}


class _Phases:
    def __init__(self, report, log):
        self.report, self.log = report, log

    def __call__(self, name):
        phases = self

        class _Timer:
            def __enter__(self):
                self.t = time.perf_counter()

            def __exit__(self, *exc):
                if exc[0] is None:
                    took = time.perf_counter() - self.t
                    phases.report.phases[name] = round(took, 2)
                    phases.log(f"  {name}: {took:.1f}s")

        return _Timer()


def seeded_size(conn=None):
    """The size this database was seeded with, or None."""
    with (conn or connection).cursor() as cur:
        cur.execute("SELECT to_regclass(%s)", [MARKER_TABLE])
        if cur.fetchone()[0] is None:
            return None
        cur.execute(f"SELECT size FROM {MARKER_TABLE} ORDER BY seeded_at DESC LIMIT 1")  # noqa: S608
        row = cur.fetchone()
        return row[0] if row else None


def _lesson_text(rng, topic, n_words):
    return " ".join([topic] + [rng.choice(WORDS) for _ in range(n_words)])


def seed(size_name: str, *, stdout=None) -> SeedReport:
    """Fill the (freshly migrated) database with an organisation of the given size."""
    size: Size = SIZES[size_name]
    log = (lambda msg: stdout.write(msg + "\n")) if stdout else (lambda msg: None)
    report = SeedReport(size=size_name)
    phase = _Phases(report, log)
    rng = random.Random(20261123)  # the same organisation every time
    started = time.perf_counter()
    log(f"Seeding size {size_name}: {size.people} people, {size.courses} courses, {size.lessons} lessons, "
        f"{size.enrolments} enrolments, {size.events} events")

    connection.ensure_connection()
    with transaction.atomic(), connection.cursor() as django_cur:
        cur = django_cur.cursor  # psycopg 3 cursor: has .copy()
        cur.execute("SELECT EXISTS (SELECT 1 FROM courses_cataloguepage) OR EXISTS (SELECT 1 FROM people_user)")
        if cur.fetchone()[0]:
            raise NotEmpty("This database already has people or a catalogue: seed_scale needs a freshly migrated one.")
        cur.execute("SET LOCAL session_replication_role = replica")  # no FK triggers: ids are built consistent
        cur.execute("SET LOCAL synchronous_commit = off")
        cur.execute("SET LOCAL maintenance_work_mem = '512MB'")
        now = timezone.now()

        big_tables = ["courses_enrolment", "events_learningevent"]
        dropped = []
        for table in big_tables:
            dropped += secondary_indexes(cur, table) + unique_constraints(cur, table)
        for drop, _create in dropped:
            cur.execute(drop)

        with phase("teams and people"):
            people = _seed_people(cur, size, now)
        with phase("pages"):
            pages = _seed_pages(cur, size, now, rng, people)
        with phase("search index"):
            seed_search_index(cur, pages)
        with phase("enrolments"):
            _seed_enrolments(cur, size, now, people, pages)
        with phase("events"):
            _seed_events(cur, size, people, pages)
        with phase("indexes"):
            for _drop, create in dropped:
                cur.execute(create)
        for table in ("people_user", "people_team", "wagtailcore_page", "courses_enrolment", "courses_courseauthor",
                      "people_user_groups", "wagtailsearch_indexentry"):
            sync_sequence(cur, table)
        report.counts = {
            "people": size.people, "teams": size.teams + 1, "courses": size.courses, "lessons": size.lessons,
            "enrolments": pages["enrolment_count"], "events": size.events,
        }
        report.seconds = time.perf_counter() - started
        cur.execute(
            f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (size text, seeded_at timestamptz, seconds float, report jsonb)"
        )
        cur.execute(
            f"INSERT INTO {MARKER_TABLE} VALUES (%s, %s, %s, %s)",  # noqa: S608
            [size.key, now, report.seconds, json.dumps(report.as_dict())],
        )
    with phase("analyze"), connection.cursor() as cur:
        # A live database has been vacuumed: the visibility map lets the learner pages read the
        # enrolment indexes alone (index-only scans), as they would in service.
        cur.execute("VACUUM (ANALYZE) courses_enrolment")
        cur.execute("ANALYZE")
    report.seconds = time.perf_counter() - started
    with connection.cursor() as cur:
        cur.execute(f"UPDATE {MARKER_TABLE} SET seconds = %s, report = %s",  # noqa: S608
                    [report.seconds, json.dumps(report.as_dict())])
    log(f"Seeded size {size_name} in {report.seconds:.1f}s")
    return report


def _seed_people(cur, size, now):
    from guild.people.roles import Role

    team_first = next_id(cur, "people_team")
    cur.execute("SELECT COALESCE(MAX(path), '') FROM people_team WHERE depth = 1")
    last_root = cur.fetchone()[0]
    root_path = step(decode(last_root) + 1 if last_root else 1)
    user_first = next_id(cur, "people_user")
    team_ids = [team_first + 1 + i for i in range(size.teams)]
    # The first person of each team manages it; the first person of all runs the company.
    teams = [(team_first, root_path, 1, size.teams, "Bench company", f"bench-company-{team_first}", user_first)]
    for i, team_id in enumerate(team_ids):
        teams.append((team_id, root_path + step(i + 1), 2, 0, f"Bench team {i + 1}", f"bench-team-{team_id}",
                      user_first + i))
    copy_rows(cur, "people_team", ["id", "path", "depth", "numchild", "name", "slug", "manager_id"], teams)

    password = make_password(BENCH_PASSWORD)
    zones = ["UTC", "Europe/Paris", "America/New_York", "Asia/Tokyo", "Europe/London"]

    def people_rows():
        for i in range(size.people):
            yield (user_first + i, password, False, f"Person{i}", "Bench", False, True, now,
                   f"learner{i}@bench.example.com", "", zones[i % len(zones)], "", f"bench-{i}", None,
                   team_ids[i % size.teams])

    copy_rows(cur, "people_user", ["id", "password", "is_superuser", "first_name", "last_name", "is_staff", "is_active",
                               "date_joined", "email", "job_title", "timezone", "language", "employee_id",
                               "job_role_id", "team_id"], people_rows())
    cur.execute("SELECT id, name FROM auth_group WHERE name IN (%s, %s, %s, %s, %s)",
                [str(Role.LEARNER), str(Role.EXPERT), str(Role.REVIEWER), str(Role.MANAGER), str(Role.LD_ADMIN)])
    groups = {name: gid for gid, name in cur.fetchall()}

    def role_rows():
        for i in range(size.people):
            uid = user_first + i
            yield uid, groups[str(Role.LEARNER)]
            if i % 20 == 1:
                yield uid, groups[str(Role.EXPERT)]
            if i % 20 == 2:
                yield uid, groups[str(Role.REVIEWER)]
            if i < size.teams:
                yield uid, groups[str(Role.MANAGER)]
            if i == size.people - 1:
                yield uid, groups[str(Role.LD_ADMIN)]

    copy_rows(cur, "people_user_groups", ["user_id", "group_id"], role_rows())
    return {"first": user_first, "count": size.people, "team_first": team_ids[0], "teams": size.teams,
            "experts": [user_first + i for i in range(1, size.people, 20)]}


def _seed_pages(cur, size, now, rng, people):
    from wagtail.models import Locale, Site

    from courses.models import CataloguePage, CoursePage, LessonPage

    home = Site.objects.get(is_default_site=True).root_page
    cur.execute("SELECT COALESCE(MAX(path), '') FROM wagtailcore_page WHERE path LIKE %s AND depth = %s",
                [home.path + "%", home.depth + 1])
    last_child = cur.fetchone()[0]
    catalogue_pos = decode(last_child[-STEPLEN:]) + 1 if last_child else 1
    locale_id = Locale.get_default().pk
    ct = {m: ContentType.objects.get_for_model(m).pk for m in (CataloguePage, CoursePage, LessonPage)}

    first = next_id(cur, "wagtailcore_page")
    catalogue_id = first
    course_ids = list(range(first + 1, first + 1 + size.courses))
    lesson_first = first + 1 + size.courses
    # The first course has exactly BIG_COURSE_LESSONS lessons; the others share the rest.
    others = size.courses - 1
    lessons_per = [BIG_COURSE_LESSONS] + [
        (size.lessons - BIG_COURSE_LESSONS) // others + (1 if i < (size.lessons - BIG_COURSE_LESSONS) % others else 0)
        for i in range(others)
    ]
    page_cols = ["id", "path", "depth", "numchild", "title", "slug", "live", "has_unpublished_changes", "url_path",
                 "seo_title", "show_in_menus", "search_description", "expired", "content_type_id", "locked",
                 "first_published_at", "last_published_at", "draft_title", "translation_key", "locale_id"]

    def page(pid, path, depth, numchild, title, slug, url_path, ctype):
        return (pid, path, depth, numchild, title, slug, True, False, url_path, "", False, "", False, ctype, False,
                now, now, title, uuid.uuid4(), locale_id)

    cat_path = home.path + step(catalogue_pos)
    cat_url = home.url_path + "courses/"
    courses, lessons, course_rows, lesson_rows = [], [], [], []
    lesson_id = lesson_first
    for i, cid in enumerate(course_ids):
        topic = TOPICS[i % len(TOPICS)]
        if i == 0:
            title, slug = f"{BIG_COURSE_LESSONS} lessons of {topic}", BIG_COURSE_SLUG
        else:
            title, slug = f"{topic.capitalize()} in practice {i}", f"{topic.lower()}-in-practice-{i}"
        cpath, curl = cat_path + step(i + 1), cat_url + slug + "/"
        courses.append(page(cid, cpath, home.depth + 2, lessons_per[i], title, slug, curl, ct[CoursePage]))
        summary = f"Use {topic} at work: {' '.join(rng.choice(WORDS) for _ in range(12))}."
        course_rows.append((cid, summary, ["beginner", "intermediate", "advanced"][i % 3], 30 + i % 90,
                            f"People who work with {topic}.", None, None, 3, True, True, i % 10 == 0, False, False))
        for n in range(lessons_per[i]):
            lslug = f"lesson-{n + 1}"
            ltitle = f"{topic.capitalize()} {n + 1}: {rng.choice(WORDS)} and {rng.choice(WORDS)}"
            text = _lesson_text(rng, topic, 120)
            body = json.dumps([
                {"type": "text", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())},
                {"type": "callout", "value": {"kind": "tip", "text": f"<p>Try it on your own {rng.choice(WORDS)}.</p>"},
                 "id": str(uuid.uuid4())},
            ])
            lessons.append(page(lesson_id, cpath + step(n + 1), home.depth + 3, 0, ltitle, lslug, curl + lslug + "/",
                                ct[LessonPage]))
            lesson_rows.append((lesson_id, f"{topic}: {rng.choice(WORDS)} {rng.choice(WORDS)}", body, 10, True))
            lesson_id += 1

    catalogue = page(catalogue_id, cat_path, home.depth + 1, size.courses, "Courses", "courses", cat_url,
                     ct[CataloguePage])
    copy_rows(cur, "wagtailcore_page", page_cols, [catalogue, *courses, *lessons])
    cur.execute("UPDATE wagtailcore_page SET numchild = numchild + 1 WHERE id = %s", [home.pk])
    copy_rows(cur, "courses_cataloguepage", ["page_ptr_id", "intro"], [(catalogue_id, "<p>Every course at Bench.</p>")])
    # What saving a new catalogue through the ORM would announce: apps set up on it (authoring
    # permissions, the review workflow).
    post_save.send(sender=CataloguePage, instance=CataloguePage.objects.get(pk=catalogue_id), created=True,
                   raw=False, using=connection.alias, update_fields=None)
    copy_rows(cur, "courses_coursepage", ["page_ptr_id", "summary", "level", "estimated_minutes", "audience",
                                      "certificate_validity_months", "pass_mark", "max_quiz_attempts",
                                      "allow_self_enrolment", "allow_unenrolment", "is_mandatory",
                                      "lessons_in_order", "skill_level_needs_no_validation"], course_rows)
    copy_rows(cur, "courses_lessonpage", ["page_ptr_id", "summary", "body", "estimated_minutes", "is_required"],
          lesson_rows)
    experts = people["experts"]
    copy_rows(cur, "courses_courseauthor", ["sort_order", "is_lead", "user_id", "course_id"],
          [(0, True, experts[i % len(experts)], cid) for i, cid in enumerate(course_ids)])
    return {"catalogue": catalogue_id, "course_first": course_ids[0], "courses": size.courses,
            "lesson_first": lesson_first, "lessons": size.lessons, "ct": {m.__name__: v for m, v in ct.items()}}


def _seed_enrolments(cur, size, now, people, pages):
    per = size.enrolments_per_person
    # Person p takes courses (7p + k) mod C for k < per: distinct, spread evenly. Status, source and due
    # date come from a hash of (p, k): 55% active, 35% completed, 10% withdrawn; due dates from 60 days
    # ago to 60 days ahead for assigned and rule enrolments (self-enrolments have none).
    cur.execute(
        """
        INSERT INTO courses_enrolment (learner_id, course_id, source, due_date, status, progress, enrolled_at,
                                       started_at, last_activity_at, completed_at)
        SELECT %(user_first)s + p, %(course_first)s + (7 * p + k) %% %(courses)s,
               CASE h %% 3 WHEN 0 THEN 'rule' WHEN 1 THEN 'assigned' ELSE 'self' END,
               CASE WHEN h %% 3 < 2 THEN CURRENT_DATE + ((p * 13 + k * 11) %% 121 - 60) END,
               CASE WHEN h < 55 THEN 'active' WHEN h < 90 THEN 'completed' ELSE 'withdrawn' END,
               CASE WHEN h < 55 THEN (h * 7) %% 100 WHEN h < 90 THEN 100 ELSE 0 END,
               %(now)s - make_interval(days => 90 + (p + k) %% 200),
               %(now)s - make_interval(days => 80 + (p + k) %% 190),
               %(now)s - make_interval(days => (p * 3 + k) %% 40),
               CASE WHEN h BETWEEN 55 AND 89 THEN %(now)s - make_interval(days => (p + k) %% 60) END
        FROM generate_series(0, %(people)s - 1) AS p, generate_series(0, %(per)s - 1) AS k,
             LATERAL (SELECT (p * 31 + k * 17) %% 100 AS h) AS hash
        """,
        {"user_first": people["first"], "course_first": pages["course_first"], "courses": size.courses,
         "people": size.people, "per": per, "now": now},
    )
    pages["enrolment_count"] = size.people * per
    cur.execute(
        """
        INSERT INTO courses_coursestats (course_id, enrolments, active, completions, rating_sum, rating_count,
            relevant_yes, relevant_count, useful_count, outdated_count, question_count, needs_update,
            needs_update_reason, updated_at)
        SELECT c.page_ptr_id, COUNT(e.id), COUNT(e.id) FILTER (WHERE e.status = 'active'),
               COUNT(e.id) FILTER (WHERE e.status = 'completed'), 0, 0, 0, 0, 0, 0, 0, false, '', %s
        FROM courses_coursepage c LEFT JOIN courses_enrolment e ON e.course_id = c.page_ptr_id
        WHERE c.page_ptr_id >= %s GROUP BY c.page_ptr_id
        """,
        [now, pages["course_first"]],
    )


def _seed_events(cur, size, people, pages):
    # Spread over the past year; actors' teams match their people rows (person i is in team i mod T).
    verbs = "ARRAY[" + ", ".join(f"'{v}'" for v in VERBS) + "]"
    batch = 2_000_000  # several statements so that no single one holds everything in memory
    for start in range(0, size.events, batch):
        stop = min(start + batch, size.events)
        cur.execute(
            f"""
            INSERT INTO events_learningevent (timestamp, verb, object_type, object_id, object_name, course_id,
                                              team_id, result, context, actor_id)
            SELECT now() - make_interval(secs => (g * 7919 %% 31536000)::float8),
                   ({verbs})[1 + (g * 13) %% {len(VERBS)}], 'course', c::text, '', c,
                   %(team_first)s + a %% %(teams)s, '{{}}', '{{}}', %(user_first)s + a
            FROM generate_series(%(start)s::bigint, %(stop)s::bigint - 1) AS g,
                 LATERAL (SELECT (g * 104729) %% %(people)s AS a,
                                 %(course_first)s + (g * 7907) %% %(courses)s AS c) AS pick
            """,  # noqa: S608 - only integers and our own verb list are formatted in
            {"team_first": people["team_first"], "teams": size.teams, "user_first": people["first"],
             "people": size.people, "course_first": pages["course_first"], "courses": size.courses,
             "start": start, "stop": stop},
        )

"""Learner hot path: My learning, the catalogue, a course page with 100 lessons and a lesson page,
through the real WSGI stack (gunicorn on loopback) with a signed-in session.

Per page: the median and p95 latency against a static file of the same size served by the same
server (the floor for any HTTP response of that size), the median against the minimal raw SQL
that fetches the same data, and the query count (Django's CaptureQueriesContext through the
test client) that the runner compares between sizes."""

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from ..measure import Server, load, median, ms, percentile, ratio_row, sample
from ..seed import BIG_COURSE_SLUG, HOT_LEARNER_EMAIL
from . import Skip, raw_cursor

SCENARIO = "learner"
PAGES = ("my_learning", "catalogue", "course_100_lessons", "lesson")


def metrics(size):
    return [f"{page} [{size}] {m}" for page in PAGES for m in ("median", "p95", "vs raw SQL")]


def cross_metrics(small="S", large="L"):
    return [f"{page} {m}" for page in PAGES for m in (f"queries {large} vs {small}", f"{large}/{small} median")]


def _targets():
    from courses.models import CoursePage, LessonPage

    try:
        my_learning = reverse("courses:my_learning")
    except NoReverseMatch as exc:
        raise Skip("courses has no my_learning URL yet") from exc
    from django.contrib.auth import get_user_model

    learner = get_user_model().objects.get(email=HOT_LEARNER_EMAIL)
    course = CoursePage.objects.get(slug=BIG_COURSE_SLUG)
    lesson = LessonPage.objects.child_of(course).order_by("path")[1]
    return learner, course, lesson, {
        "my_learning": my_learning,
        "catalogue": "/courses/",
        "course_100_lessons": course.url,
        "lesson": lesson.url,
    }


def _raw_baselines(learner, course, lesson):
    """The minimal SQL for each page's data, one statement per thing the page shows."""
    uid, cid, lid = learner.pk, course.pk, lesson.pk
    child_depth = course.depth + 1

    def my_learning(cur):
        cur.execute(
            """SELECT e.id, e.status, e.progress, e.due_date, e.source, e.last_activity_at, e.completed_at,
                      p.title, p.url_path, l.title, l.url_path
               FROM courses_enrolment e JOIN wagtailcore_page p ON p.id = e.course_id
               LEFT JOIN wagtailcore_page l ON l.id = e.last_lesson_id
               WHERE e.learner_id = %s AND e.status <> 'withdrawn' AND p.live
               ORDER BY e.due_date NULLS LAST, e.last_activity_at DESC""", [uid])
        cur.fetchall()

    def catalogue(cur):
        cur.execute(
            """SELECT p.id, p.title, p.url_path, c.summary, c.level, c.estimated_minutes, s.enrolments
               FROM courses_coursepage c JOIN wagtailcore_page p ON p.id = c.page_ptr_id
               LEFT JOIN courses_coursestats s ON s.course_id = c.page_ptr_id
               WHERE p.live ORDER BY p.first_published_at DESC, p.id LIMIT 12""")
        rows = cur.fetchall()
        cur.execute("SELECT count(*) FROM courses_coursepage c JOIN wagtailcore_page p ON p.id = c.page_ptr_id "
                    "WHERE p.live")
        cur.fetchall()
        cur.execute("SELECT course_id, status FROM courses_enrolment WHERE learner_id = %s AND course_id = ANY(%s)",
                    [uid, [r[0] for r in rows]])
        cur.fetchall()

    def course_page(cur):
        cur.execute("""SELECT p.title, p.path, c.summary, c.level, c.estimated_minutes, c.audience
                       FROM wagtailcore_page p JOIN courses_coursepage c ON c.page_ptr_id = p.id WHERE p.id = %s""",
                    [cid])
        path = cur.fetchone()[1]
        cur.execute("SELECT id, title, url_path FROM wagtailcore_page WHERE path LIKE %s AND depth = %s AND live "
                    "ORDER BY path", [path + "%", child_depth])
        cur.fetchall()
        cur.execute("SELECT id, status, progress, last_lesson_id FROM courses_enrolment "
                    "WHERE learner_id = %s AND course_id = %s", [uid, cid])
        enrolment = cur.fetchone()
        cur.execute("SELECT lesson_id FROM courses_lessoncompletion WHERE enrolment_id = %s", [enrolment[0]])
        cur.fetchall()

    def lesson_page(cur):
        cur.execute("""SELECT p.title, p.path, l.summary, l.body FROM wagtailcore_page p
                       JOIN courses_lessonpage l ON l.page_ptr_id = p.id WHERE p.id = %s""", [lid])
        path = cur.fetchone()[1]
        cur.execute("SELECT id, title FROM wagtailcore_page WHERE path = %s", [path[:-4]])
        cur.fetchone()
        cur.execute("SELECT id, title, url_path FROM wagtailcore_page WHERE path LIKE %s AND depth = %s AND live "
                    "ORDER BY path", [path[:-4] + "%", child_depth])
        cur.fetchall()
        cur.execute("SELECT id, status FROM courses_enrolment WHERE learner_id = %s AND course_id = %s", [uid, cid])
        cur.fetchone()

    return {"my_learning": my_learning, "catalogue": catalogue, "course_100_lessons": course_page,
            "lesson": lesson_page}


def run(ctx):
    learner, course, lesson, urls = _targets()
    client = Client()
    client.force_login(learner)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"

    # Query counts and response sizes through the test client (the same views, in process).
    queries, sizes = {}, {}
    for page, url in urls.items():
        client.get(url)  # warm caches the same way the server's are warmed
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        if response.status_code != 200:
            raise Skip(f"{url} answered {response.status_code} through the test client")
        queries[page], sizes[page] = len(captured), len(response.content)

    # A static file of the same size per page, written where the server's WhiteNoise serves it.
    static_dir = settings.STATIC_ROOT / "bench"
    static_dir.mkdir(parents=True, exist_ok=True)
    static_urls = {}
    for page, size in sizes.items():
        (static_dir / f"{page}.html").write_bytes(b"<!doctype html>" + b"x" * max(size - 15, 0))
        static_urls[page] = f"{settings.STATIC_URL}bench/{page}.html"

    raw = _raw_baselines(learner, course, lesson)
    cur = raw_cursor()
    raw_times = {page: median(sample(lambda f=fn: f(cur), runs=max(ctx.runs, 20), warmup=3))
                 for page, fn in raw.items()}
    cur.close()

    env = {**ctx.server_env, "DJANGO_SETTINGS_MODULE": ctx.server_env.get("DJANGO_SETTINGS_MODULE",
                                                                            settings.SETTINGS_MODULE)}
    rows, medians = [], {}
    log_path = ctx.log_dir / f"gunicorn-{ctx.size}.log"
    with Server(env, workers=ctx.concurrency, log_path=log_path) as server:
        for page, url in urls.items():
            page_times = load(server.port, url, cookie=cookie, requests=ctx.requests, concurrency=ctx.concurrency,
                              warmup=ctx.warmup)
            static_times = load(server.port, static_urls[page], requests=ctx.requests,
                                concurrency=ctx.concurrency, warmup=ctx.warmup)
            name = f"{page} [{ctx.size}]"
            page_median, static_median = ms(median(page_times)), ms(median(static_times))
            medians[page] = page_median
            rows.append(ratio_row(SCENARIO, f"{name} median", page_median, static_median, limit=3,
                                  note=f"vs static file of {sizes[page]} bytes"))
            rows.append(ratio_row(SCENARIO, f"{name} p95", ms(percentile(page_times, 95)),
                                  ms(percentile(static_times, 95)), limit=5, note="vs static file"))
            rows.append(ratio_row(SCENARIO, f"{name} vs raw SQL", page_median, ms(raw_times[page]),
                                  note="HTTP median vs the raw SQL for the same data, in process"))
    ctx.shared.setdefault("learner", {})[ctx.size] = {"queries": queries, "medians": medians, "sizes": sizes}
    return rows


def cross_size_rows(shared, small="S", large="L"):
    """Query counts equal at both sizes, and the median at the large size within 2x the small one."""
    from ..measure import equal_row

    by_size = shared.get("learner", {})
    rows = []
    if small not in by_size or large not in by_size:
        return rows
    for page in PAGES:
        q_small, q_large = by_size[small]["queries"][page], by_size[large]["queries"][page]
        rows.append(equal_row(SCENARIO, f"{page} queries {large} vs {small}", q_large, q_small))
        rows.append(ratio_row(SCENARIO, f"{page} {large}/{small} median", by_size[large]["medians"][page],
                              by_size[small]["medians"][page], limit=2))
    return rows

"""Concurrent learners: 50 signed-in people doing a realistic mix (home, My learning, the catalogue,
search, a course, a lesson, a quiz submit, a reaction) against gunicorn with several workers,
PostgreSQL and Redis, for a few minutes; driven by locust (tests/bench/load_driver.py).

The baseline is the same mix by one learner without think time, through the same server, in the
same run: the target is no error at all, and the p95 under load within 5x that single-learner
median."""

import json
import os
import random
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils.crypto import get_random_string

from ..measure import Row, Server, equal_row, median, percentile, ratio_row
from ..seed import BIG_COURSE_SLUG
from . import Skip

SCENARIO = "load"
LEARNERS = 50
NAMES = ("home", "my_learning", "catalogue", "search", "course", "lesson", "quiz_submit", "reaction")
QUIZ_COURSE_SLUG = "bench-load-quiz"
SEARCH_TERMS = ["security", "python", "negotiation", "data pipeline", "customer feedback", "budget forecast"]
ROOT = Path(__file__).resolve().parents[3]

# (seconds of ramp, seconds measured) per phase; think time between a learner's requests, in seconds.
# The warm-up (every gunicorn worker imports, compiles templates and connects) is never measured.
FULL = {"warmup": (0, 20), "single": (0, 30), "load": (20, 180)}
SMOKE = {"warmup": (0, 3), "single": (0, 3), "load": (1, 4)}
THINK_SECONDS = (2, 6)
SMOKE_THINK_SECONDS = (0.2, 1)


def metrics(size):
    return [f"mix [{size}] p95, {LEARNERS} learners vs 1 learner median", f"mix [{size}] errors",
            f"mix [{size}] median, {LEARNERS} learners", f"mix [{size}] requests per second",
            *(f"{name} [{size}] p95, {LEARNERS} learners" for name in NAMES)]


def _quiz_course(learners):
    """A course whose one lesson holds a question (the seeded lessons have none), with unlimited
    attempts and the simulated learners enrolled. Created once per database, then reused."""
    from courses.content import create_course, create_lesson, ensure_catalogue
    from courses.models import CoursePage, LessonPage
    from courses.services import enrol

    course = CoursePage.objects.filter(slug=QUIZ_COURSE_SLUG).first()
    if course is None:
        course = create_course(catalogue=ensure_catalogue(), title="Load test: a lesson with a quiz",
                               slug=QUIZ_COURSE_SLUG, max_quiz_attempts=0, summary="Used by make bench.")
        question = {"prompt": "Which clause filters rows before grouping?", "kind": "single", "explanation": "",
                    "choices": [{"text": "WHERE", "correct": True, "feedback": ""},
                                {"text": "HAVING", "correct": False, "feedback": ""}]}
        create_lesson(course=course, title="Filtering rows", slug="filtering-rows",
                      body=[{"type": "text", "value": "<p>WHERE filters rows.</p>"}, {"type": "question", "value": question}])
    lesson = LessonPage.objects.child_of(course).live().first()
    for learner in learners:
        enrol(learner=learner, course=course)
    return course, lesson


def _config(port):
    from django.contrib.auth import get_user_model

    from courses.models import CoursePage, LessonPage

    learners = list(get_user_model().objects.filter(email__endswith="@bench.example.com", is_active=True)
                    .order_by("pk")[:LEARNERS])
    if not learners:
        raise Skip("no seeded learners")
    _course, lesson = _quiz_course(learners)
    block_id, question = lesson.questions()[0]
    people = []
    for learner in learners:
        client = Client()
        client.force_login(learner)
        csrf = get_random_string(32)  # a CSRF secret as Django's cookie holds it; sent back as the header
        people.append({"cookie": f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}; "
                                 f"{settings.CSRF_COOKIE_NAME}={csrf}", "csrf": csrf})
    rng = random.Random(14)
    course_ids = list(CoursePage.objects.live().exclude(slug=QUIZ_COURSE_SLUG).order_by("pk")
                      .values_list("pk", flat=True)[:200])
    courses = CoursePage.objects.filter(pk__in=rng.sample(course_ids, min(20, len(course_ids)))).order_by("pk")
    big = CoursePage.objects.get(slug=BIG_COURSE_SLUG)
    lessons = [lesson for course in courses[:10] for lesson in LessonPage.objects.child_of(course).live()[:3]]
    lessons += list(LessonPage.objects.child_of(big).live()[:5])
    return {
        "host": f"http://127.0.0.1:{port}",
        "people": people,
        "urls": {
            "my_learning": reverse("courses:my_learning"), "catalogue": reverse("courses:catalogue"),
            "terms": SEARCH_TERMS, "courses": [c.url for c in courses] + [big.url], "lessons": [le.url for le in lessons],
            "quiz": {"submit": reverse("courses:submit_quiz", args=[lesson.pk]), "field": f"q-{block_id}",
                     "choices": [str(i) for i in range(len(question["choices"]))]},
            "react": reverse("courses:react", args=[lesson.pk]),
        },
    }


def _run_driver(config, log_dir):
    config_path, out_path = log_dir / "load-config.json", log_dir / "load-samples.json"
    config_path.write_text(json.dumps(config))
    with open(log_dir / "load-driver.log", "w") as log:
        subprocess.run([sys.executable, "-m", "tests.bench.load_driver", str(config_path), str(out_path)],  # noqa: S603
                       cwd=ROOT, env={**os.environ}, stdout=log, stderr=subprocess.STDOUT, check=True,
                       timeout=sum(r + s for r, s in FULL.values()) + 300)
    results = json.loads(out_path.read_text())
    config_path.unlink()  # it holds session cookies
    return results


def _measured(phase):
    """(latencies in ms by request name, errors) of one phase, without the ramp's samples."""
    by_name, errors = {}, []
    for at, name, ms, error in phase["samples"]:
        if error:
            errors.append(f"{name}: {error}")
        elif at >= phase["ramp"]:
            by_name.setdefault(name, []).append(ms)
    return by_name, errors


def run(ctx):
    timing = SMOKE if ctx.smoke else FULL
    think = SMOKE_THINK_SECONDS if ctx.smoke else THINK_SECONDS
    workers = 2 if ctx.smoke else max(4, 2 * (os.cpu_count() or 1) + 1)
    log_dir = Path(ctx.log_dir)
    env = {**ctx.server_env, "DJANGO_SETTINGS_MODULE": ctx.server_env.get("DJANGO_SETTINGS_MODULE",
                                                                            settings.SETTINGS_MODULE)}
    with Server(env, workers=workers, log_path=log_dir / f"gunicorn-load-{ctx.size}.log") as server:
        config = _config(server.port)
        config["phases"] = [
            {"name": "warmup", "users": workers, "wait": [0, 0], "ramp": timing["warmup"][0],
             "seconds": timing["warmup"][1]},
            {"name": "single", "users": 1, "wait": [0, 0], "ramp": timing["single"][0], "seconds": timing["single"][1]},
            {"name": "load", "users": LEARNERS, "wait": list(think), "ramp": timing["load"][0],
             "seconds": timing["load"][1]},
        ]
        results = _run_driver(config, log_dir)
    _warm, warmup_errors = _measured(results["warmup"])
    single, single_errors = _measured(results["single"])
    loaded, load_errors = _measured(results["load"])
    single_all = [ms for values in single.values() for ms in values]
    loaded_all = [ms for values in loaded.values() for ms in values]
    if not single_all or not loaded_all:
        raise RuntimeError(f"no successful request measured; errors: {(single_errors + load_errors)[:3]}")
    size = ctx.size
    errors = warmup_errors + single_errors + load_errors
    note = f"{len(loaded_all)} requests; {workers} gunicorn workers; think time {think[0]}-{think[1]} s"
    rows = [
        ratio_row(SCENARIO, metrics(size)[0], percentile(loaded_all, 95), median(single_all), limit=5, note=note),
        equal_row(SCENARIO, metrics(size)[1], len(errors), 0, unit="errors", note="; ".join(errors[:3])),
        ratio_row(SCENARIO, metrics(size)[2], median(loaded_all), median(single_all), note="vs 1 learner median"),
        Row(SCENARIO, metrics(size)[3], round(len(loaded_all) / results["load"]["seconds"], 1), unit="req/s",
            target="info"),
    ]
    for name, metric in zip(NAMES, metrics(size)[4:], strict=True):
        if not loaded.get(name) or not single.get(name):  # possible in the smoke run's few seconds
            rows.append(Row(SCENARIO, metric, unit="", skipped="skipped: no such request in this short run"))
            continue
        rows.append(ratio_row(SCENARIO, metric, percentile(loaded[name], 95), median(single[name]),
                              note=f"vs its 1-learner median; {len(loaded[name])} requests"))
    return rows

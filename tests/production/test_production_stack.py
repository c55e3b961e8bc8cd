"""The production configuration, run the way the image runs it (no Docker engine here: the same steps).

Static files are collected by platform/scripts/build-static.sh, the script the Dockerfile runs; then
gunicorn (several workers), a Celery worker and beat start with DJANGO_ENV=production against the test
PostgreSQL and Redis, sending mail to a real SMTP server. Chromium signs in as every demo role through
the real form and walks their pages while every response is recorded: no response may be >= 500, and
every image, rendition, document, badge emblem and certificate PDF must load with the right type."""

import email
import io
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import ExitStack
from pathlib import Path

import pytest
from django.conf import global_settings

from tests.support.access_org import build_org
from tests.support.browser import sign_in
from tests.support.seeded_db import seeded_database
from tests.support.services import _database_url_for_tests

pytestmark = [pytest.mark.integration, pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[2]
DEMO_PASSWORD = "guild-demo"  # noqa: S105 - the demo's documented password (seeded with test settings)
# Images with a source that did not load (an empty src, as in an empty chooser widget, is no image).
BROKEN_IMAGES_JS = (
    "Array.from(document.images).filter(i => i.getAttribute('src') && (!i.complete || i.naturalWidth === 0))"
    ".map(i => i.src)"
)
# The demo people who sign in through the form and walk their pages (_pages).
WALKERS = ("learner@example.com", "expert@example.com", "reviewer@example.com", "manager@example.com",
           "admin@example.com", "exec@example.com")
IMAGES_SETTLED_JS = "Array.from(document.images).every(i => !i.getAttribute('src') || i.complete)"


def _needs_real_servers():
    db, redis = os.environ.get("DATABASE_URL", ""), os.environ.get("REDIS_URL", "")
    if db.startswith(("postgres://", "postgresql://")) and redis.startswith("redis://"):
        return
    message = "the production stack needs DATABASE_URL (PostgreSQL) and REDIS_URL (Redis)"
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(message)
    pytest.skip(message)


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Process:
    """A child process in its own session, with its output in a log file; stopped with its children."""

    def __init__(self, name, args, env, logs: Path):
        self.name, self.log_path = name, logs / f"{name}.log"
        self._log = open(self.log_path, "w")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(  # noqa: S603
            args, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def alive(self):
        return self.proc.poll() is None

    def output(self):
        return self.log_path.read_text(errors="replace")

    def stop(self):
        if self.alive():
            os.killpg(self.proc.pid, 15)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, 9)
                self.proc.wait(10)
        self._log.close()


def _is_password_reset(envelope, address):
    message = email.message_from_bytes(envelope.original_content)
    return (address in envelope.rcpt_tos and message["X-Guild-Kind"] == "account.email"
            and any(b"/accounts/password/reset/key/" in (part.get_payload(decode=True) or b"") for part in message.walk()))


def _production_env(*, var_dir, media_root, base_url, smtp_port):
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DEBUG")}
    env.update(
        DJANGO_SETTINGS_MODULE="guild.settings",
        DJANGO_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=_database_url_for_tests(),
        REDIS_URL=os.environ["REDIS_URL"],
        SECURE_SSL_REDIRECT="false",
        EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}",
        GUILD_VAR_DIR=str(var_dir),
        MEDIA_ROOT=str(media_root),
        GUILD_BASE_URL=base_url,
        PYTHONUNBUFFERED="1",
    )
    return env


def _queues():
    """Every queue tasks can be routed to, so one test worker serves them all (compose runs one per queue)."""
    from guild.celery import app

    conf = app.conf
    names = {conf.task_default_queue}
    names.update(q.name for q in (conf.task_queues or []))
    routes = conf.task_routes
    for route in (routes.values() if isinstance(routes, dict) else []):
        if isinstance(route, dict) and route.get("queue"):
            names.add(route["queue"])
    return ",".join(sorted(names))


def _png(name, colour):
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (320, 200), colour).save(buffer, "PNG")
    return ImageFile(buffer, name=name)


def _add_media():
    """What the demo has no files for: a course cover, a lesson image and document, a badge image."""
    from django.core.files.base import ContentFile
    from wagtail.blocks import StreamValue
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import Collection

    from courses.models import CoursePage, LessonPage
    from rewards.models import Badge

    if not Collection.get_first_root_node():  # a transactional test's flush removed the migration's root
        Collection.add_root(name="Root")
    cover = Image.objects.create(title="SQL cover", file=_png("sql-cover.png", (20, 90, 160)))
    figure = Image.objects.create(title="Join diagram", file=_png("joins.png", (200, 120, 20)))
    emblem = Image.objects.create(title="Badge art", file=_png("badge-art.png", (30, 160, 90)))
    handbook = Document.objects.create(title="SQL cheat sheet", file=ContentFile(b"%PDF-1.4\n% cheat sheet\n", name="sql-cheat-sheet.pdf"))

    course = CoursePage.objects.get(slug="sql-for-analysts")
    course.cover_image = cover
    course.save_revision().publish()
    lesson = LessonPage.objects.child_of(course).live().order_by("path").first()
    raw = [*lesson.body.raw_data, {"type": "image", "value": {"image": figure.id, "alt_text": "How joins match rows", "caption": ""}},
           {"type": "document", "value": {"document": handbook.id, "description": ""}}]
    lesson.body = StreamValue(lesson.body.stream_block, raw, is_lazy=True)
    lesson.save_revision().publish()
    badge = Badge.objects.filter(is_active=True).order_by("pk").first()
    badge.image = emblem
    badge.save()
    assert Badge.objects.filter(is_active=True, image__isnull=True).exists(), "a drawn emblem is checked too"
    return {"course": course, "lesson": lesson.specific, "document": handbook, "images": (cover, figure, emblem)}


def _wait_for(check, *, timeout, what, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and not process.alive():
            raise AssertionError(f"{process.name} exited while waiting for {what}:\n{process.output()[-4000:]}")
        if check():
            return
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}" + (f":\n{process.output()[-4000:]}" if process else ""))


LAST_ANSWER = {}


def _answers(url):
    """True once `url` answers 200; the last answer is kept for the failure message."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
            return response.status == 200
    except urllib.error.HTTPError as exc:
        LAST_ANSWER[url] = f"{exc.code} {exc.read()[:500]!r}"
        return False
    except OSError as exc:
        LAST_ANSWER[url] = repr(exc)
        return False


def _pages(content, certificate_id, expert_course_id):
    course, lesson = content["course"], content["lesson"]
    cover, figure, _ = content["images"]
    pages = {
        "learner@example.com": [
            "/", "/courses/", course.url, lesson.url, "/learning/", "/learning/paths/",
            f"/learning/certificates/{certificate_id}/", "/rewards/", "/rewards/badges/", "/rewards/points/",
            "/rewards/leaderboards/", "/kudos/", "/needs/", "/experts/", "/notifications/", "/me/",
        ],
        "expert@example.com": [
            "/", "/sme/", "/sme/templates/", "/sme/community/", "/experts/me/", "/cms/", "/cms/pages/",
            f"/cms/pages/{expert_course_id}/edit/", "/cms/images/", "/cms/documents/",
        ],
        "reviewer@example.com": ["/", "/reviews/", "/cms/"],
        "manager@example.com": ["/", "/team/", "/rewards/recognition/", "/learning/"],
        "admin@example.com": [
            "/", "/governance/", "/governance/roadmap/", "/governance/committees/", "/governance/kpis/",
            "/governance/maturity/", "/governance/mission/", "/automation/rules/", "/automation/policy/",
            "/automation/outbox/", "/experts/nominations/", "/cms/", "/cms/pages/", f"/cms/pages/{course.id}/edit/",
            "/cms/images/", f"/cms/images/{cover.id}/", f"/cms/images/{figure.id}/", "/cms/documents/", "/api/docs/",
        ],
        "exec@example.com": ["/", "/governance/summary/", "/courses/", "/rewards/leaderboards/"],
    }
    assert tuple(pages) == WALKERS
    return pages


def test_the_production_stack_serves_every_role_without_a_server_error(
    transactional_db, django_db_blocker, settings, tmp_path, smtp_server, browser
):
    _needs_real_servers()
    started = time.monotonic()

    def lap(what):
        print(f"[{time.monotonic() - started:5.0f} s] {what}")  # noqa: T201 - shown with -s

    var_dir, media_root, logs = tmp_path / "var", tmp_path / "media", tmp_path / "logs"
    for folder in (var_dir, media_root, logs):
        folder.mkdir()
    web_port = _free_port()
    base_url = f"http://127.0.0.1:{web_port}"
    env = _production_env(var_dir=var_dir, media_root=media_root, base_url=base_url, smtp_port=smtp_server.port)

    with ExitStack() as stack:
        # 1. The image's build step, in the background while the database is seeded.
        build = Process("build-static", ["sh", "platform/scripts/build-static.sh"], {**env, "PYTHON": sys.executable}, logs)
        stack.callback(build.stop)

        # 2. The demo organisation (a copy of the run's seeded template, tests/support/seeded_db.py), the
        # walkers' passwords hashed as production verifies them, plus the files the demo lacks. The
        # processes below get the copy's DATABASE_URL.
        settings.MEDIA_ROOT = media_root
        stack.enter_context(seeded_database(django_db_blocker, build_org))
        settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
        from guild.people.models import User

        for person in User.objects.filter(email__in=WALKERS):
            person.set_password(DEMO_PASSWORD)
            person.save(update_fields=["password"])
        env = _production_env(var_dir=var_dir, media_root=media_root, base_url=base_url, smtp_port=smtp_server.port)
        content = _add_media()
        from courses.models import Certificate, CoursePage

        certificate = Certificate.objects.filter(learner__email="learner@example.com").order_by("pk").first()
        assert certificate is not None, "the demo learner holds a certificate"
        expert_course = CoursePage.objects.filter(course_authors__user__email="expert@example.com").first()

        lap("seeded")

        # 3. The processes of docker-compose.yml, with production settings: worker and beat need no static
        # files, so they start while the build finishes; gunicorn reads the manifest when it boots.
        from guild.celery import app

        app.control.purge()
        worker = Process("worker", [sys.executable, "-m", "celery", "-A", "guild", "worker", "-Q", _queues(),
                                    "-n", f"prod-test-{os.getpid()}@%h", "--concurrency=1", "--without-gossip",
                                    "--without-mingle", "--loglevel=INFO"], env, logs)
        stack.callback(worker.stop)
        beat = Process("beat", [sys.executable, "-m", "celery", "-A", "guild", "beat", "--loglevel=INFO",
                                "--schedule", str(var_dir / "celerybeat-schedule")], env, logs)
        stack.callback(beat.stop)
        beat_started = time.monotonic()

        assert build.proc.wait(600) == 0, build.output()
        assert (var_dir / "static" / "staticfiles.json").is_file(), "the build wrote no manifest"
        lap("static built")
        web = Process("web", [sys.executable, "-m", "gunicorn", "guild.wsgi:application", "--bind", f"127.0.0.1:{web_port}",
                              "--workers", "3", "--timeout", "60", "--access-logfile", "-"], env, logs)
        stack.callback(web.stop)
        healthz = f"{base_url}/healthz"
        try:
            _wait_for(lambda: _answers(healthz), timeout=120, what="/healthz to answer 200", process=web)
        except AssertionError as exc:
            raise AssertionError(f"{exc}\nlast answer: {LAST_ANSWER.get(healthz)}\nworker:\n{worker.output()[-3000:]}") from None

        # The compose healthcheck of web, run for real against this gunicorn.
        check = subprocess.run(  # noqa: S603
            [sys.executable, "platform/scripts/http_check.py", "/healthz", "/accounts/login/"],
            cwd=ROOT, env={**env, "GUILD_HTTP_PORT": str(web_port)}, capture_output=True, text=True,
        )
        assert check.returncode == 0, check.stderr
        lap("stack up")

        # 4. Every role's pages in Chromium; every response the browser gets is recorded.
        responses, failed = [], []
        for email, paths in _pages(content, certificate.pk, expert_course.pk if expert_course else content["course"].pk).items():
            context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
            context.set_default_timeout(30_000)
            context.on("response", lambda r, who=email: responses.append((who, r.status, r.url, r.headers.get("content-type", ""))))
            context.on("requestfailed", lambda r, who=email: failed.append((who, r.url, r.failure)))
            page = context.new_page()
            sign_in(page, email, DEMO_PASSWORD)
            assert "/accounts/login/" not in page.url, f"{email} could not sign in"
            for path in paths:
                response = page.goto(path, wait_until="load")
                assert response.status == 200, f"{email} {path}: {response.status}"
                page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # lazy images load too
                # Wait for the images only, not for the network to go quiet (half a second per page).
                page.wait_for_function(IMAGES_SETTLED_JS)
                assert page.evaluate(BROKEN_IMAGES_JS) == [], f"{email} {path}: images that did not load"
            if email == "learner@example.com":
                downloads = {
                    content["document"].url: "application/pdf",
                    f"/learning/certificates/{certificate.pk}/pdf/": "application/pdf",
                }
                for url, content_type in downloads.items():
                    got = context.request.get(url)
                    assert got.status == 200 and got.headers["content-type"] == content_type, (url, got.status, got.headers)
                    assert got.body().startswith(b"%PDF"), url
            context.close()

        lap("pages walked")

        # 5. Mail leaves through the real SMTP server: a password reset, asked for in the browser.
        context = browser.new_context(base_url=base_url)
        context.on("response", lambda r: responses.append(("anonymous", r.status, r.url, r.headers.get("content-type", ""))))
        page = context.new_page()
        page.goto("/accounts/password/reset/")
        page.get_by_label("Email").fill("learner@example.com")
        page.get_by_role("button", name=re.compile("reset", re.IGNORECASE)).click()
        page.wait_for_load_state("networkidle")
        context.close()
        # The reset itself, not any of the demo's queued messages to the same person: the worker sends it.
        _wait_for(lambda: any(_is_password_reset(m, "learner@example.com") for m in smtp_server.messages), timeout=60,
                  what="the password-reset email at the SMTP server")

        # 6. Beat ticks and a worker writes its heartbeat (the beat healthcheck passes).
        from guild.core.models import Heartbeat

        _wait_for(lambda: Heartbeat.objects.filter(name="beat").exists(), timeout=max(5, 120 - (time.monotonic() - beat_started)),
                  what="beat's first heartbeat", process=beat)
        beat_check = subprocess.run([sys.executable, "manage.py", "check_beat"], cwd=ROOT, env=env, capture_output=True, text=True)  # noqa: S603
        assert beat_check.returncode == 0, beat_check.stdout + beat_check.stderr
        lap("mail sent, beat ticked")

    # 7. The verdict over everything the browser saw.
    errors = [r for r in responses if r[1] >= 500]
    assert not errors, f"server errors: {errors}\n{web.output()[-6000:]}"
    assert not failed, f"requests that failed: {failed}"
    assert "Traceback" not in web.output(), web.output()[-6000:]

    def loaded(pattern, content_type):
        return [r for r in responses if re.search(pattern, r[2]) and r[1] == 200 and r[3].startswith(content_type)]

    assert loaded(r"/media/images/sql-cover\.[^/]*\.png$", "image/png"), "the course cover rendition"
    assert loaded(r"/media/images/joins\.[^/]*\.png$", "image/png"), "the lesson image rendition"
    assert loaded(r"/media/original_images/badge-art[^/]*\.png$", "image/png"), "the badge's uploaded image"
    assert loaded(r"/rewards/badges/[^/]+/emblem\.svg$", "image/svg+xml"), "a drawn badge emblem"
    assert loaded(r"/static/guild/css/guild\.[0-9a-f]{12}\.css$", "text/css"), "the hashed stylesheet"
    print(f"\nproduction stack: {len(responses)} responses in {time.monotonic() - started:.0f} s")  # noqa: T201

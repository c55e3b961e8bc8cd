"""Real services for tests: a Celery worker process on the configured broker, and an SMTP server."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

__all__ = ["celery_worker", "smtp_server", "check_required_services", "WorkerProcess"]


def check_required_services():
    """With REQUIRE_SERVICES=1, PostgreSQL and Redis must be configured and answer, or the run fails."""
    if os.environ.get("REQUIRE_SERVICES") != "1":
        return
    db_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    problems = []
    if not db_url.startswith(("postgres://", "postgresql://")):
        problems.append("DATABASE_URL must point at PostgreSQL")
    else:
        import psycopg

        try:
            psycopg.connect(db_url, connect_timeout=5).close()
        except psycopg.Error as exc:
            problems.append(f"PostgreSQL does not answer: {exc}")
    if not redis_url.startswith("redis://"):
        problems.append("REDIS_URL must point at Redis")
    else:
        import redis

        try:
            redis.Redis.from_url(redis_url, socket_connect_timeout=5).ping()
        except redis.RedisError as exc:
            problems.append(f"Redis does not answer: {exc}")
    if problems:
        raise pytest.UsageError("REQUIRE_SERVICES=1 but: " + "; ".join(problems))


def _database_url_for_tests():
    from django.db import connection

    settings = connection.settings_dict
    if settings["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings['NAME']}"
    user = settings.get("USER") or ""
    password = settings.get("PASSWORD") or ""
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    return f"postgres://{auth}{settings.get('HOST') or '127.0.0.1'}:{settings.get('PORT') or 5432}/{settings['NAME']}"


class WorkerProcess:
    """A real `celery worker` process, on the test database and the configured broker.

    It consumes every queue (`-Q default,email,sweeps`) unless `queues` names some of them."""

    def __init__(self, log_path: Path, queues=None):
        from django.conf import settings

        self.log_path = log_path
        self.queues = tuple(queues or settings.GUILD_CELERY_QUEUES)
        self.proc = None

    def start(self, timeout=60):
        from guild.celery import app, ensure_broker_folders

        ensure_broker_folders()
        app.control.purge()
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="guild.settings.test",
            DATABASE_URL=_database_url_for_tests(),
            PYTHONUNBUFFERED="1",
        )
        self.log = open(self.log_path, "w")  # noqa: SIM115
        self.proc = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "celery", "-A", "guild", "worker", "--loglevel=INFO", "--concurrency=1",
             "--pool=prefork", "--without-gossip", "--without-mingle", "-n", f"test-{os.getpid()}@%h",
             "-Q", ",".join(self.queues)],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"celery worker exited early:\n{self.log_path.read_text()}")
            if app.control.ping(timeout=0.5):
                return self
        # Not left running: a worker that answers later would serve the next tests' broker (a /healthz
        # that should say "no worker" says ok, tasks run that a test meant to leave queued).
        self.stop()
        raise RuntimeError(f"celery worker did not answer a ping:\n{self.log_path.read_text()}")

    def kill(self):
        """SIGKILL the worker and its pool children, as a crash would."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()
        if getattr(self, "log", None):
            self.log.close()

    def output(self):
        return self.log_path.read_text()


@pytest.fixture
def celery_worker(transactional_db, tmp_path):
    """A real worker process. Tests using it see committed data only (transactional_db)."""
    worker = WorkerProcess(tmp_path / "worker.log").start()
    yield worker
    worker.stop()


class _Recorder:
    def __init__(self):
        self.messages = []
        self.refuse = False

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        if self.refuse:
            return "554 5.7.1 Message refused by test server"
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server(settings):
    """A real local SMTP server (aiosmtpd) that Django sends to; `.messages` holds what arrived."""
    import socket

    from aiosmtpd.controller import Controller

    class BoundController(Controller):
        """Serves on a socket already bound here: the port is never free for another process
        (a parallel test run) to take between choosing it and listening on it."""

        def __init__(self, handler, sock):
            self.sock = sock
            super().__init__(handler, hostname="127.0.0.1", port=sock.getsockname()[1])

        def _create_server(self):  # aiosmtpd's hook for how the server listens
            return self.loop.create_server(self._factory_invoker, sock=self.sock)

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    port = sock.getsockname()[1]
    handler = _Recorder()
    controller = BoundController(handler, sock)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    handler.port = port
    yield handler
    controller.stop()

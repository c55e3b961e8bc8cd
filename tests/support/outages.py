"""Real services a test owns, so that it can take them down: a Redis server, a PostgreSQL cluster,
gunicorn, a Celery worker, and a server that accepts connections and never answers.

Never the machine's shared PostgreSQL or Redis: each server here runs on a free port, in the test's
temporary directory, and its fixture stops it (and everything the test started) even when the test
fails.

    redis = RedisServer(tmp_path).start()        # redis.url(), .stop(), .start() again on the same port
    web = Gunicorn(tmp_path, env).start()        # web.get("/healthz"), web.session()
    worker = CeleryWorker(tmp_path, env).start() # waits for "ready"; .kill() is a crash
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from celery import Celery
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))

__all__ = [
    "free_port", "RedisServer", "PostgresCluster", "Gunicorn", "CeleryWorker", "SilentServer",
    "service_env", "sign_in", "own_redis", "own_postgres", "silent_server", "started", "HeldRelay",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(predicate, timeout, what, log=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    detail = f"\n{Path(log).read_text()[-4000:]}" if log and Path(log).exists() else ""
    raise RuntimeError(f"{what} did not come up within {timeout}s{detail}")


class _Process:
    """A child process in its own session (so that stopping it stops its children), logging to a file."""

    name = "process"

    def __init__(self, directory: Path):
        self.dir = Path(directory)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.proc = None
        self.log_path = self.dir / f"{self.name}.log"

    def _spawn(self, args, env=None):
        self._log = open(self.log_path, "a")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    @property
    def running(self):
        return self.proc is not None and self.proc.poll() is None

    def kill(self):
        """SIGKILL the process and its children, as a crash would."""
        if self.running:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self, timeout=20):
        if self.running:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()
        if getattr(self, "_log", None):
            self._log.close()
            self._log = None

    def output(self):
        return self.log_path.read_text() if self.log_path.exists() else ""


class RedisServer(_Process):
    """Our own redis-server. stop() then start() brings it back on the same port (empty: no persistence,
    as after losing a cache node)."""

    name = "redis"

    def __init__(self, directory, port=None):
        super().__init__(directory)
        self.port = port or free_port()

    def url(self, db=0):
        return f"redis://127.0.0.1:{self.port}/{db}"

    def ping(self):
        import redis

        try:
            return redis.Redis(port=self.port, socket_connect_timeout=0.2, socket_timeout=0.2).ping()
        except redis.RedisError:
            return False

    def start(self):
        self._spawn(["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                     "--appendonly", "no", "--dir", str(self.dir)])
        _wait(self.ping, 10, "redis-server", self.log_path)
        return self

    def pause(self):
        """SIGSTOP: the port still accepts connections (the kernel's backlog) but nothing answers."""
        os.kill(self.proc.pid, signal.SIGSTOP)

    def resume(self):
        os.kill(self.proc.pid, signal.SIGCONT)

    def stop(self, timeout=20):
        if self.running:
            self.resume()
        super().stop(timeout)


class PostgresCluster:
    """A throwaway PostgreSQL cluster: initdb in a temporary directory of its own, on a free port.
    PostgreSQL refuses to run as root: under root (CI containers) the server runs as `postgres`."""

    def __init__(self):
        import tempfile

        self.dir = Path(tempfile.mkdtemp(prefix="guild-faults-pg-"))
        self.as_user = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, user="postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.data = self.dir / "data"
        self.port = free_port()
        self.log_path = self.dir / "postgres.log"

    def _run(self, *args):
        try:
            return subprocess.run([*self.as_user, *args], check=True, capture_output=True, text=True, timeout=120)
        except subprocess.CalledProcessError as exc:
            raise RuntimeError(f"{args[0]} failed: {exc.stdout}{exc.stderr}") from exc

    def url(self, dbname="postgres"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{dbname}"

    def start(self):
        self._run(str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "-E", "UTF8", "--no-sync", "--locale=C")
        self._ctl("start")
        return self

    def _ctl(self, action, *extra):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.log_path), "-o", options,
                  "-w", "-t", "60", action, *extra)

    def restart(self):
        """`pg_ctl restart -m fast`: every connection is closed, the server comes back on the same port."""
        self._ctl("restart", "-m", "fast")

    def copy_database(self, source_url, name):
        """Create `name` here holding what `source_url` holds (schema and rows): quicker than migrating."""
        self._run(str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)
        dump = subprocess.Popen([str(PG_BIN / "pg_dump"), "--no-owner", "--no-privileges", source_url],  # noqa: S603
                                stdout=subprocess.PIPE)
        subprocess.run([str(PG_BIN / "psql"), "-q", "-v", "ON_ERROR_STOP=1", "-o", os.devnull,  # noqa: S603
                        self.url(name)], stdin=dump.stdout, check=True, timeout=300)
        dump.stdout.close()
        assert dump.wait(60) == 0, "pg_dump failed"
        return self.url(name)

    def stop(self):
        if (self.data / "postmaster.pid").exists():
            subprocess.run([*self.as_user, str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate",  # noqa: S603
                            "-w", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(self.dir, ignore_errors=True)


def service_env(**overrides):
    """The environment of a web or worker process under test (test settings, unbuffered output)."""
    env = dict(os.environ)
    env.update(DJANGO_SETTINGS_MODULE="guild.settings.test", PYTHONUNBUFFERED="1")
    env.update({k: str(v) for k, v in overrides.items()})
    return env


class Gunicorn(_Process):
    """gunicorn serving guild.wsgi with sync workers, as in production."""

    name = "gunicorn"

    def __init__(self, directory, env, workers=2, timeout=30):
        super().__init__(directory)
        self.env, self.workers, self.timeout = env, workers, timeout
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"

    def start(self):
        self._spawn([sys.executable, "-m", "gunicorn", "guild.wsgi:application", "--bind",
                     f"127.0.0.1:{self.port}", "--workers", str(self.workers), "--timeout", str(self.timeout),
                     "--graceful-timeout", "5"], env=self.env)

        def answers():
            if not self.running:
                raise RuntimeError(f"gunicorn exited:\n{self.output()[-4000:]}")
            try:
                return bool(requests.get(self.base_url + "/healthz", timeout=10).status_code)
            except requests.RequestException:
                return False

        _wait(answers, 60, "gunicorn", self.log_path)
        return self

    def get(self, path, session=None, **kwargs):
        kwargs.setdefault("timeout", 30)
        kwargs.setdefault("allow_redirects", False)
        return (session or requests).get(self.base_url + path, **kwargs)


class CeleryWorker(_Process):
    """A real `celery worker` (prefork, one child) on the broker and database its environment names.
    Ready once it logs "ready": unlike services.WorkerProcess it needs nothing from this process's
    Celery app, so it can run on a broker of the test's own."""

    name = "worker"

    def __init__(self, directory, env, name="faults"):
        super().__init__(directory)
        self.env, self.node = env, f"{name}-{os.getpid()}@%h"
        self.starts = 0

    def start(self, timeout=60):
        self.starts += 1
        before = self.output().count(" ready.")
        self._spawn([sys.executable, "-m", "celery", "-A", "guild", "worker", "--loglevel=INFO",
                     "--concurrency=1", "--pool=prefork", "--without-gossip", "--without-mingle",
                     "-n", self.node, "-Q", ",".join(settings.GUILD_CELERY_QUEUES)], env=self.env)

        def ready():
            if not self.running:
                raise RuntimeError(f"celery worker exited:\n{self.output()[-4000:]}")
            return self.output().count(" ready.") > before

        _wait(ready, timeout, "celery worker", self.log_path)
        return self


def started(*processes):
    """A context manager stopping every process given, last first, whatever happens in the block."""
    from contextlib import ExitStack

    stack = ExitStack()
    for process in processes:
        stack.callback(process.stop)
    return stack


class SilentServer:
    """Accepts TCP connections and never says a word (no SMTP greeting, no PostgreSQL handshake): a hung
    mail relay or database server."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections = []
        self._closing = False
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self):
        while not self._closing:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections.append(conn)
            self._accepted(conn)

    def _accepted(self, conn):
        """Silent: nothing is said on a connection."""

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._closing = True
        self.sock.close()
        for conn in self.connections:
            conn.close()
        self._thread.join(5)


class HeldRelay(SilentServer):
    """A server that is silent until open(): it accepts connections and says nothing (a mail relay
    that hangs), then relays each connection, those waiting included, to `target_port` (the relay
    comes back). The client never reconnects: what it sent first is answered late, not lost."""

    def __init__(self, target_port):
        super().__init__()
        self.target_port = target_port
        self.opened = threading.Event()

    def _accepted(self, conn):
        threading.Thread(target=self._relay, args=(conn,), daemon=True).start()

    def _relay(self, conn):
        self.opened.wait()
        if self._closing:
            return
        upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=30)
        self.connections.append(upstream)

        def pipe(source, sink):
            try:
                while data := source.recv(65536):
                    sink.sendall(data)
            except OSError:
                pass
            finally:
                try:
                    sink.shutdown(socket.SHUT_WR)
                except OSError:
                    pass

        threading.Thread(target=pipe, args=(upstream, conn), daemon=True).start()
        pipe(conn, upstream)

    def open(self):
        self.opened.set()

    def stop(self):
        self._closing = True
        self.opened.set()
        super().stop()


def sign_in(web, email, password):
    """A requests session signed in through allauth's form on `web`."""
    import re

    session = requests.Session()
    page = web.get("/accounts/login/", session=session)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = session.post(web.base_url + "/accounts/login/", timeout=30, allow_redirects=False,
                            data={"login": email, "password": password, "csrfmiddlewaretoken": token},
                            headers={"Referer": web.base_url + "/accounts/login/"})
    assert response.status_code == 302, (response.status_code, response.text[:2000])
    return session


@pytest.fixture
def own_redis(tmp_path):
    server = RedisServer(tmp_path / "redis").start()
    yield server
    server.stop()


@pytest.fixture
def own_postgres():
    cluster = PostgresCluster()
    try:
        yield cluster.start()
    finally:
        cluster.stop()


@pytest.fixture
def silent_server():
    server = SilentServer().start()
    yield server
    server.stop()


def task_sender(broker_url):
    """A Celery app that sends tasks by name to `broker_url`, routed to the queues Guild's workers
    consume (what beat would send); the caller closes it."""
    app = Celery("beat-stand-in", broker=broker_url, set_as_current=False)
    app.conf.task_default_queue = settings.CELERY_TASK_DEFAULT_QUEUE
    app.conf.task_routes = settings.CELERY_TASK_ROUTES
    return app

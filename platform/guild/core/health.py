"""Health of what Guild needs: the database, the broker and a live worker; and when beat last ran.

/healthz is polled by load balancers and Docker without credentials, so it must answer quickly
whatever is down, and never tie up a web worker:

- each check has its own timeout (a connection timeout for PostgreSQL and Redis, a one-second
  control ping for the worker);
- the checks run on a small shared thread pool and the report waits for them at most
  GUILD_HEALTH_BUDGET seconds in total; a check still running then is reported as "timed out"
  (a server that accepted the connection and went silent cannot hold the request);
- the worker is pinged at most once every GUILD_HEALTH_WORKER_SECONDS, and the answer is kept in
  the cache (shared by every web process), so anonymous traffic cannot turn into a ping storm;
- no worker is pinged while the broker is down: the worker check then says "broker down".

report() returns (healthy, checks) in the JSON shape documented in docs/architecture.md.
"""

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from kombu import Connection

from guild.celery import app, ensure_broker_folders

from .models import Heartbeat

logger = logging.getLogger(__name__)

WORKER_CACHE_KEY = "guild:health:worker"
# Two checks run per report; the spare threads absorb checks still stuck on a silent server.
_pool = ThreadPoolExecutor(max_workers=6, thread_name_prefix="healthz")


def budget() -> float:
    return float(getattr(settings, "GUILD_HEALTH_BUDGET", 3.0))


def worker_seconds() -> float:
    return float(getattr(settings, "GUILD_HEALTH_WORKER_SECONDS", 10.0))


def _down(name, exc):
    logger.warning("healthz: %s down: %s: %s", name, exc.__class__.__name__, exc)
    return False, exc.__class__.__name__


def check_database() -> tuple[bool, str, str | None]:
    """SELECT 1, and when beat last had a task run (informational: beat may not have ticked yet).
    Runs on a pool thread with its own connection, closed afterwards; the connection timeout comes
    from DATABASES["default"]["OPTIONS"]."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        last = Heartbeat.objects.filter(name="beat").values_list("seen_at", flat=True).first()
        return True, "ok", last.isoformat() if last else None
    except Exception as exc:  # any failure means "down"; the reason goes in the JSON
        return (*_down("database", exc), None)
    finally:
        connection.close()


def check_broker(timeout: float = 1.0) -> tuple[bool, str]:
    """One connection attempt, no retries, bounded by `timeout` (connect and socket)."""
    try:
        ensure_broker_folders()
        options = dict(app.conf.broker_transport_options or {})
        if app.conf.broker_url.startswith(("redis://", "rediss://")):
            options.update(socket_connect_timeout=timeout, socket_timeout=timeout)
        with Connection(app.conf.broker_url, connect_timeout=timeout, transport_options=options) as conn:
            conn.ensure_connection(max_retries=0, timeout=timeout)
        return True, "ok"
    except Exception as exc:
        return _down("broker", exc)


def ping_worker(timeout: float = 1.0) -> tuple[bool, str]:
    """A control ping answered by at least one worker (returns as soon as one answers). On a connection
    of its own: a pooled one may be a stale connection to a broker that restarted since."""
    try:
        with app.connection_for_write() as conn:
            replies = app.control.ping(timeout=timeout, limit=1, connection=conn)
    except Exception as exc:
        return _down("worker", exc)
    if not replies:
        logger.warning("healthz: no worker answered a ping within %ss", timeout)
        return False, "no worker answered"
    return True, "a worker answered"


def check_worker() -> tuple[bool, str]:
    """The last ping's answer while it is fresh, else a new ping (kept for worker_seconds())."""
    cached = cache.get(WORKER_CACHE_KEY)
    if cached is not None:
        return tuple(cached)
    result = ping_worker()
    cache.set(WORKER_CACHE_KEY, list(result), worker_seconds())
    return result


def check_broker_then_worker() -> dict:
    broker = check_broker()
    worker = check_worker() if broker[0] else (False, "broker down")
    return {"broker": broker, "worker": worker}


def report() -> tuple[bool, dict]:
    started = time.monotonic()
    database = _pool.submit(check_database)
    queue = _pool.submit(check_broker_then_worker)

    def wait(future, default):
        try:
            return future.result(timeout=max(0.0, budget() - (time.monotonic() - started)))
        except FutureTimeout:
            return default

    timed_out = (False, "timed out")
    db_ok, db_detail, beat = wait(database, (*timed_out, None))
    rest = wait(queue, {"broker": timed_out, "worker": timed_out})
    checks = {"database": {"ok": db_ok, "detail": db_detail}}
    checks |= {name: {"ok": ok, "detail": detail} for name, (ok, detail) in rest.items()}
    healthy = all(check["ok"] for check in checks.values())
    if db_ok:
        checks["beat"] = {"last_seen": beat}
    return healthy, checks

"""/healthz answers within a bounded time whatever is down, and names what is down.

Served by gunicorn (sync workers, as in production) against the test's own Redis; each outage is real:
a stopped server, a server that accepts connections and never answers, no worker at all."""

import time

import pytest

from guild.core.health import WORKER_CACHE_KEY
from tests.support.outages import CeleryWorker, Gunicorn, free_port, service_env, started
from tests.support.services import _database_url_for_tests

pytestmark = pytest.mark.django_db(transaction=True)

BUDGET = 3.0  # GUILD_HEALTH_BUDGET's default
BOUND = BUDGET + 2.0  # the budget, plus a margin for a loaded machine; far below any hang


def healthz(web):
    started_at = time.monotonic()
    response = web.get("/healthz")
    return response, response.json(), time.monotonic() - started_at


def down(data):
    return sorted(name for name, check in data["checks"].items() if "ok" in check and not check["ok"])


def test_no_worker_then_a_worker(own_redis, tmp_path):
    env = service_env(DATABASE_URL=_database_url_for_tests(), REDIS_URL=own_redis.url())
    web = Gunicorn(tmp_path, env, workers=1).start()
    worker = CeleryWorker(tmp_path, env)
    with started(web, worker):
        response, data, took = healthz(web)
        assert response.status_code == 503, data
        assert down(data) == ["worker"] and data["checks"]["worker"]["detail"] == "no worker answered"
        assert took < BOUND
        # The answer is kept in the shared cache: the next requests do not ping again.
        client = __import__("redis").Redis.from_url(own_redis.url())
        assert client.keys(f"*{WORKER_CACHE_KEY}")
        assert all(healthz(web)[0].status_code == 503 for _ in range(3))

        worker.start()
        client.flushdb()  # forget the cached "no worker" instead of waiting for it to expire
        response, data, took = healthz(web)
        assert response.status_code == 200, data
        assert data["status"] == "ok" and down(data) == [] and "beat" in data["checks"]
        assert took < BOUND


def test_redis_stopped(own_redis, tmp_path):
    env = service_env(DATABASE_URL=_database_url_for_tests(), REDIS_URL=own_redis.url())
    web = Gunicorn(tmp_path, env, workers=1).start()
    with started(web):
        own_redis.stop()
        response, data, took = healthz(web)
        assert response.status_code == 503, data
        assert down(data) == ["broker", "worker"], data
        assert data["checks"]["worker"]["detail"] == "broker down"
        assert data["checks"]["database"]["ok"]
        assert took < BOUND


def test_redis_that_accepts_connections_and_never_answers(own_redis, tmp_path):
    env = service_env(DATABASE_URL=_database_url_for_tests(), REDIS_URL=own_redis.url())
    web = Gunicorn(tmp_path, env, workers=1).start()
    with started(web):
        own_redis.pause()
        try:
            for _ in range(2):
                response, data, took = healthz(web)
                assert response.status_code == 503, data
                assert down(data) == ["broker", "worker"], data
                assert took < BOUND
        finally:
            own_redis.resume()


def test_database_refusing_or_silent(own_redis, silent_server, tmp_path):
    refused = f"postgres://postgres@127.0.0.1:{free_port()}/guild"
    silent = f"postgres://postgres@127.0.0.1:{silent_server.port}/guild"
    for url in (refused, silent):
        web = Gunicorn(tmp_path / url.rsplit(":", 1)[1], service_env(DATABASE_URL=url, REDIS_URL=own_redis.url()), workers=1)
        with started(web.start()):
            response, data, took = healthz(web)
            assert response.status_code == 503, data
            assert "database" in down(data) and "beat" not in data["checks"], data
            assert took < BOUND

"""PostgreSQL restarts under traffic (`pg_ctl restart -m fast`): requests in flight may fail, then the
site and the worker recover by themselves, with persistent connections (CONN_MAX_AGE) and
CONN_HEALTH_CHECKS replacing the connections the restart closed.

A throwaway cluster of the test's own (never the shared one), holding a copy of the test database;
gunicorn with two sync workers and a Celery worker on it."""

import threading
import time

import psycopg
import pytest
import requests

from tests.support.automation import wait_for
from tests.support.outages import CeleryWorker, Gunicorn, service_env, sign_in, started, task_sender
from tests.support.people import PASSWORD
from tests.support.services import _database_url_for_tests

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_site_and_the_worker_recover_from_a_restart(own_postgres, own_redis, tmp_path, learner):
    database = own_postgres.copy_database(_database_url_for_tests(), "guild")
    env = service_env(DATABASE_URL=database, REDIS_URL=own_redis.url())
    web = Gunicorn(tmp_path, env, workers=2).start()
    worker = CeleryWorker(tmp_path, env).start()
    beat = task_sender(own_redis.url())

    def heartbeat_seen(name):
        with psycopg.connect(database, connect_timeout=5) as conn:
            return conn.execute("SELECT 1 FROM core_heartbeat WHERE name = %s", [name]).fetchone()

    with started(web, worker):
        session = sign_in(web, learner.email, PASSWORD)

        def hit(path="/learning/"):
            try:
                return web.get(path, session=session, timeout=15).status_code
            except requests.RequestException as exc:
                return type(exc).__name__

        # Every web process and the worker hold a persistent connection before the restart.
        assert {hit() for _ in range(8)} == {200}
        beat.send_task("guild.core.heartbeat", kwargs={"name": "before-restart"})
        wait_for(lambda: heartbeat_seen("before-restart"), timeout=60, message="a task before the restart")

        during = []
        restarting = threading.Thread(target=own_postgres.restart)
        restarting.start()
        while restarting.is_alive() and len(during) < 200:  # bounded: traffic while the server restarts
            during.append(hit())
            time.sleep(0.05)
        restarting.join(90)
        assert during, "no request was made while the server restarted"
        assert not restarting.is_alive(), "pg_ctl restart did not return"

        after = [hit(path) for _ in range(10) for path in ("/learning/", "/")]
        assert set(after) == {200}, (after, during, web.output()[-3000:])
        # /healthz pings the worker and keeps the answer for GUILD_HEALTH_WORKER_SECONDS: a ping that went
        # unanswered while the worker reconnected may show as "down" for that long, then clears by itself.
        wait_for(lambda: hit("/healthz") == 200, timeout=30, message="/healthz to answer 200 after the restart")

        beat.send_task("guild.core.heartbeat", kwargs={"name": "after-restart"})
        wait_for(lambda: heartbeat_seen("after-restart"), timeout=60, message="a task after the restart")
        beat.close()
    assert "OperationalError" not in worker.output().split("after-restart")[-1]

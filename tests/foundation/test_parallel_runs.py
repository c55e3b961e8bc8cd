"""`make test` runs in parallel (pytest-xdist): each worker has its own test database, Redis database
and var/ folder (tests/support/xdist_env.py), so no worker's Celery process, cache or broker is shared."""

import os

import pytest
from django.conf import settings
from django.db import connection

from tests.support.xdist_env import CONFIGURED_REDIS_URL, redis_url_for_worker, worker_index


def test_a_worker_gets_the_redis_database_after_the_configured_one():
    assert redis_url_for_worker("redis://127.0.0.1:6379/13", 0) == "redis://127.0.0.1:6379/13"
    assert redis_url_for_worker("redis://127.0.0.1:6379/13", 1) == "redis://127.0.0.1:6379/14"
    assert redis_url_for_worker("redis://:secret@redis:6380", 2) == "redis://:secret@redis:6380/2"
    assert worker_index("gw3") == 3


def test_running_out_of_redis_databases_is_a_clear_error():
    with pytest.raises(pytest.UsageError, match="beyond Redis's 16"):
        redis_url_for_worker("redis://127.0.0.1:6379/15", 1)


@pytest.mark.django_db
def test_this_worker_uses_its_own_services(worker_id):
    """Under xdist (worker_id "gw1"...): the settings were read after the worker's REDIS_URL was set."""
    if worker_id == "master":
        pytest.skip("not a parallel run")
    assert connection.settings_dict["NAME"].endswith(f"_{worker_id}")
    assert str(settings.VAR_DIR).endswith(f"xdist-{worker_id}")
    configured = os.environ.get(CONFIGURED_REDIS_URL)
    if configured:
        own = redis_url_for_worker(configured, worker_index(worker_id))
        assert settings.CELERY_BROKER_URL == own
        assert settings.CACHES["default"]["LOCATION"] == own

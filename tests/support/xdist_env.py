"""A pytest plugin, loaded with `-p tests.support.xdist_env` (pyproject.toml) before pytest-django
reads the settings: under pytest-xdist, each worker gets services of its own.

pytest-django already gives each worker its own test database (test_<name>_gw0, ...). The rest
is here: a Redis database per worker (REDIS_URL's database number plus the worker's index), so the
broker, the cache and the real Celery worker processes a test starts are never shared, and one
worker's Celery process never runs another's tasks against the wrong database; and a var/ folder per
worker (the embedded broker and file cache, media, the SQLite test file when there is no PostgreSQL).
The Celery and gunicorn processes tests start inherit the environment, so they follow."""

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
REDIS_DATABASES = 16  # Redis's default `databases`
CONFIGURED_REDIS_URL = "GUILD_TEST_CONFIGURED_REDIS_URL"  # REDIS_URL as given, before the worker's own


def worker_index(worker_id: str) -> int:
    return int(worker_id.removeprefix("gw"))


def redis_url_for_worker(url: str, index: int) -> str:
    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    db = base + index
    if db >= REDIS_DATABASES:
        raise pytest.UsageError(
            f"REDIS_URL uses database {base}; xdist worker {index} would need database {db}, beyond Redis's "
            f"{REDIS_DATABASES}. Point REDIS_URL at a lower database or run fewer workers.")
    return urlunsplit(parts._replace(path=f"/{db}"))


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args):
    worker_id = os.environ.get("PYTEST_XDIST_WORKER")  # set by xdist before the worker parses its options
    if not worker_id:
        return
    if os.environ.get("REDIS_URL", "").startswith("redis://"):
        os.environ.setdefault(CONFIGURED_REDIS_URL, os.environ["REDIS_URL"])
        os.environ["REDIS_URL"] = redis_url_for_worker(os.environ[CONFIGURED_REDIS_URL], worker_index(worker_id))
    var_dir = Path(os.environ.get("GUILD_VAR_DIR", ROOT / "var")) / f"xdist-{worker_id}"
    var_dir.mkdir(parents=True, exist_ok=True)
    os.environ["GUILD_VAR_DIR"] = str(var_dir)

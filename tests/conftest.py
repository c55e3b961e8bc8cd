"""Shared fixtures: people per role, a real Celery worker process, a real SMTP server,
and Debian's Chromium driven by Playwright.

The environment picks the servers: DATABASE_URL and REDIS_URL point at real PostgreSQL
and Redis (as in CI); without them the suite runs on SQLite and the embedded broker.
With REQUIRE_SERVICES=1 a missing server fails the run instead of skipping."""

import os

# Playwright's sync API runs an event loop in this thread; Django's ORM is still used synchronously.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402

from tests.support.browser import *  # noqa: F401,F403,E402
from tests.support.people import *  # noqa: F401,F403,E402
from tests.support.services import *  # noqa: F401,F403,E402


def pytest_configure(config):
    from tests.support.services import check_required_services

    check_required_services()


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters and cached fragments must not leak from one test to the next."""
    from django.core.cache import cache

    cache.clear()
    yield

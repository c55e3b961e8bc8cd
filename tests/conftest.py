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


# Files that each take minutes on one worker. They start first so that pytest-xdist fills the other
# workers with the many short files meanwhile and every worker finishes at about the same time
# (longest first). `make test` passes --no-loadscope-reorder: xdist's own order (most tests first)
# put these one- and three-test files last, leaving one worker running alone for minutes at the end.
SLOW_FILES_FIRST = (
    "tests/production/test_production_stack.py",
    "tests/security/test_access_matrix_admin.py",
    "tests/pages/test_main_pages.py",
    "tests/bench/test_bench_smoke.py",
    "tests/security/test_access_matrix_site.py",
    "tests/security/test_api_fuzzing.py",
    "tests/scim/test_scim_conformance.py",
    "tests/foundation/test_demo_on_sqlite.py",
)


def pytest_sessionfinish(session, exitstatus):
    from tests.support.seeded_db import drop_templates_after_the_run

    drop_templates_after_the_run()


@pytest.hookimpl(trylast=True)  # after pytest-django's own ordering, which a stable sort keeps
def pytest_collection_modifyitems(config, items):
    rank = {path: position for position, path in enumerate(SLOW_FILES_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts and ends in the site's language: a request in French must not leave the
    thread in French for the next test's services (their messages would be French)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters and cached fragments must not leak from one test to the next."""
    from django.core.cache import cache

    cache.clear()
    yield

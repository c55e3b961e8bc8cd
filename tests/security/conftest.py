"""The seeded organisation for the authorisation matrix, built once per test module inside a
transaction that is rolled back afterwards (seed_demo takes tens of seconds)."""

import pytest
from django.db import transaction

from tests.support.access_org import build_org


@pytest.fixture(scope="module")
def matrix_org(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_org()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)

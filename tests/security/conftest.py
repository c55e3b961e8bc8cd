"""The seeded organisation for the authorisation matrix: a private copy of the run's seeded template
database for each module (tests/support/seeded_db.py; seed_demo takes tens of seconds)."""

import pytest

from tests.support.access_org import build_org
from tests.support.seeded_db import seeded_database


@pytest.fixture(scope="module")
def matrix_org(django_db_setup, django_db_blocker):
    with seeded_database(django_db_blocker, build_org) as org:
        yield org

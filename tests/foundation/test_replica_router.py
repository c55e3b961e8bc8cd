"""The replica router without a replica, and the settings a replica URL gives
(tests/governance/test_read_replica.py routes real reads to a second database)."""

import json
import os
import subprocess
import sys

import pytest
from django.urls import reverse

from guild.core.replica import ReplicaRouter, replica_configured, reporting_reads
from guild.people.models import Team

ROUTER = ReplicaRouter()


@pytest.mark.django_db
def test_without_a_replica_reporting_reads_use_the_primary(client, ld_admin):
    assert not replica_configured()
    with reporting_reads():
        assert ROUTER.db_for_read(Team) is None
    client.force_login(ld_admin)
    assert client.get(reverse("governance:dashboard")).status_code == 200


def test_a_configured_replica_mirrors_the_test_database():
    """Under test, DATABASE_REPLICA_URL must not give the replica an empty test database of its own."""
    env = {**os.environ, "DATABASE_URL": "postgres://guild@db.example:5432/guild",
           "DATABASE_REPLICA_URL": "postgres://reader@replica.example:5432/guild",
           "DJANGO_SETTINGS_MODULE": "guild.settings.test"}
    code = "import json; from django.conf import settings; print(json.dumps(settings.DATABASES['replica']))"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    replica_settings = json.loads(out)
    assert replica_settings["HOST"] == "replica.example" and replica_settings["USER"] == "reader"
    assert replica_settings["TEST"] == {"MIRROR": "default"}

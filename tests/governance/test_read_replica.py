"""Dashboards and reports read from the replica when there is one; sign-in and writes stay on the primary.

The routing tests point the replica alias at a second database on the same PostgreSQL server: a
copy of the (migrated) test database, then different rows in each, so a page shows which one it
read. The alias exists only while this module runs (tests/foundation/test_replica_router.py checks
the settings and the router without it)."""

import pytest
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.models.kpis import KPIDefinition
from guild.core.replica import REPLICA, ReplicaRouter, reporting_reads
from guild.people.models import Team

ROUTER = ReplicaRouter()


@pytest.fixture(scope="module")
def replica(django_db_setup, django_db_blocker):
    """The alias REPLICA on a copy of the migrated test database, for this module's tests.

    Module-scoped, so that the alias exists before each test's database access is set up
    (pytest-django lets a test use only the aliases it names, and only aliases that exist)."""
    import psycopg
    from psycopg import sql

    primary = connections[DEFAULT_DB_ALIAS].settings_dict
    if primary["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("needs PostgreSQL; set DATABASE_URL")
    name = f"{primary['NAME']}_replica"  # the test database's name already carries the xdist worker's suffix
    admin_params = {"host": primary["HOST"] or "127.0.0.1", "port": primary["PORT"] or 5432,
                    "user": primary["USER"], "password": primary["PASSWORD"] or None, "dbname": "postgres"}

    def drop(admin):
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    with django_db_blocker.unblock():
        # CREATE DATABASE ... TEMPLATE copies the migrated schema; the template must be idle.
        connections.close_all()
        with psycopg.connect(**admin_params, autocommit=True) as admin:
            # A connection another thread of this worker left open (a live server's, a browser test's)
            # would block the copy; the database is this worker's own, so nobody else is cut off.
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
                          "AND pid <> pg_backend_pid()", [primary["NAME"]])
            drop(admin)
            admin.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name),
                                                                          sql.Identifier(primary["NAME"])))
    connections.settings[REPLICA] = {**primary, "NAME": name, "TEST": {**primary["TEST"], "MIRROR": None}}
    try:
        yield REPLICA
    finally:
        connections[REPLICA].close()
        del connections[REPLICA]
        del connections.settings[REPLICA]
        with django_db_blocker.unblock(), psycopg.connect(**admin_params, autocommit=True) as admin:
            drop(admin)


# The replica is never flushed between tests (nothing migrates it, so Django's flush skips its
# tables): rows a test writes there are deleted by the fixture that wrote them.
with_replica = pytest.mark.django_db(transaction=True, databases=[DEFAULT_DB_ALIAS, REPLICA])


@pytest.fixture
def distinct_rows(replica):
    """A team and a KPI only the primary holds, and a team and a KPI only the replica holds."""
    Team.add_root(name="Primary only", slug="primary-only")
    KPIDefinition.objects.create(slug="primary-kpi", name="Primary KPI", tier="engagement")
    Team(path="ZZZZ", depth=1, numchild=0, name="Replica only", slug="replica-only").save(using=REPLICA)
    KPIDefinition.objects.using(REPLICA).create(slug="replica-kpi", name="Replica KPI", tier="engagement")
    yield
    with connections[REPLICA].cursor() as cursor:  # treebeard's queryset delete() ignores .using()
        cursor.execute("DELETE FROM people_team WHERE slug = 'replica-only'")
    KPIDefinition.objects.using(REPLICA).filter(slug="replica-kpi").delete()


@with_replica
def test_the_dashboard_reads_the_replica_after_checking_the_person_on_the_primary(client, ld_admin, distinct_rows):
    client.force_login(ld_admin)  # the person and the session exist on the primary only
    with CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as on_primary, \
            CaptureQueriesContext(connections[REPLICA]) as on_replica:
        response = client.get(reverse("governance:dashboard"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Replica only" in page and "Primary only" not in page
    assert len(on_replica) > 10
    primary_tables = " ".join(q["sql"] for q in on_primary.captured_queries)
    assert "governance_" not in primary_tables and "people_team" not in primary_tables, primary_tables


@with_replica
def test_the_summary_and_the_export_read_the_replica(client, executive, distinct_rows):
    client.force_login(executive)
    assert "Replica only" in client.get(reverse("governance:summary")).content.decode()
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        assert client.get(reverse("governance:export", args=["csv"])).status_code == 200
    assert on_replica.captured_queries


@with_replica
def test_the_reporting_api_reads_the_replica(client, executive, distinct_rows):
    client.force_login(executive)
    kpis = {k["slug"] for k in client.get("/api/governance/kpis/").json()["results"]}
    assert "replica-kpi" in kpis and "primary-kpi" not in kpis
    assert client.get("/api/governance/kpis/replica-kpi/").status_code == 200
    assert client.get("/api/governance/dashboard/?team=replica-only").json()["team"] == "replica-only"
    # A team the replica does not know is refused, never shown as the whole organisation.
    assert client.get("/api/governance/dashboard/?team=primary-only").status_code == 404


@with_replica
def test_other_pages_read_the_primary(client, ld_admin, distinct_rows):
    client.force_login(ld_admin)
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        assert client.get(reverse("home")).status_code == 200
        assert client.get("/api/teams/").status_code == 200
    assert on_replica.captured_queries == []


@with_replica
def test_writes_and_reads_inside_a_transaction_stay_on_the_primary(replica):
    with reporting_reads():
        assert ROUTER.db_for_read(Team) == REPLICA
        assert ROUTER.db_for_write(Team) == DEFAULT_DB_ALIAS
        Team.add_root(name="Written while reporting", slug="written")
        with transaction.atomic():
            assert ROUTER.db_for_read(Team) is None  # it must see the transaction's own writes
    assert Team.objects.filter(slug="written").exists()
    assert not Team.objects.using(REPLICA).filter(slug="written").exists()
    assert ROUTER.db_for_read(Team) is None  # outside the block
    assert ROUTER.allow_migrate(REPLICA, "people") is False
    assert ROUTER.allow_migrate(DEFAULT_DB_ALIAS, "people") is True

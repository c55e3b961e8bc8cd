"""Reports read from a replica; everything else uses the primary.

With DATABASE_REPLICA_URL set, settings add a second alias, REPLICA. Code that builds a report
(dashboards, exports, the reporting API) opts in by running its reads inside `reporting_reads()`,
as a context manager or a decorator:

    @role_required(*LD)       # who the person is: read from the primary, before the reads below
    @reporting_reads()
    def dashboard(request): ...

`ReplicaRouter` then sends those reads to the replica. Everything else stays on the primary: writes
always, reads outside the block, and reads inside a transaction on the primary (they must see its
own writes). Without the replica alias every read uses the primary, so the opt-in costs nothing in
the demo or a one-database install. A replica lags its primary by a little: only code that can show
figures a few seconds old opts in, never a page that reads back what the person just did.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"

# A ContextVar, not a thread-local: correct under threads, gunicorn's sync workers and async views alike.
_reporting = ContextVar("guild_reporting_reads", default=False)


@contextmanager
def reporting_reads():
    """Reads inside this block may go to the replica (when one is configured)."""
    token = _reporting.set(True)
    try:
        yield
    finally:
        _reporting.reset(token)


def replica_configured() -> bool:
    return REPLICA in connections  # the aliases of settings.DATABASES


class ReplicaRouter:
    """DATABASE_ROUTERS entry: reporting reads to REPLICA, the rest to the default database."""

    def db_for_read(self, model, **hints):
        if _reporting.get() and replica_configured() and not connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return REPLICA
        return None  # the default database

    def db_for_write(self, model, **hints):
        # Explicit: with no answer Django would write an object back where it was read from.
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        """Rows read from the replica are the primary's rows: they may be related to each other."""
        if {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, REPLICA}:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        """The replica copies the primary's schema through replication: migrate the primary only."""
        return db != REPLICA

"""The fault tests: real processes, real servers of their own, and real outages."""

from tests.support.outages import own_postgres, own_redis, silent_server  # noqa: F401

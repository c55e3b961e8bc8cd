"""A Redis cache that degrades instead of failing the request when Redis is down.

Django's RedisCache raises redis' ConnectionError or TimeoutError from every call when the server is
gone, so a page that reads a cached fragment, or a sign-in that checks its rate limit, answers 500.
Guild keeps nothing in the cache that it cannot recompute, so an unreachable cache is treated as an
empty one that keeps nothing:

- reads return the caller's default (a miss), `has_key` is False, `get_many` is empty;
- writes are dropped; `add` answers True, as it would on an empty cache, while `touch` and `delete`
  answer False (there was no such key) and `set_many` returns the keys it could not set;
- `incr`/`decr` raise ValueError, as for a missing key, which callers of the cache API already handle.

So rate limits built on the cache fail open while Redis is down: allauth's sign-in limits take a lock
with `add` (were it refused, every sign-in would wait a second and get 429) and read an empty history,
so people can still sign in; the limits hold again as soon as Redis is back. Nothing in Guild relies on
a cache lock for correctness: uniqueness lives in the database.

After a failure the backend stops trying for `RETRY_AFTER` seconds (a small per-process circuit
breaker), so a page that touches the cache twenty times pays for one connection timeout, not twenty.
One warning is logged per outage and process, and one line when the cache answers again.

    CACHES = {"default": {"BACKEND": "guild.core.cache.FailSoftRedisCache", "LOCATION": "redis://…",
                          "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, "RETRY_AFTER": 5}}}
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# What "the server is unreachable or too slow" looks like from redis-py. Other errors (a bad command,
# a value that cannot be unpickled) are bugs and still raise.
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)
_MISSING = object()


class FailSoftRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("RETRY_AFTER", 5))
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._down_until = 0.0
        self._down = False
        self._lock = threading.Lock()

    # --- the breaker -----------------------------------------------------------------------------
    def _call(self, operation, fallback, *args, **kwargs):
        if self._down and time.monotonic() < self._down_until:
            return fallback()
        try:
            result = operation(*args, **kwargs)
        except UNAVAILABLE as exc:
            with self._lock:
                if not self._down:
                    logger.warning("cache unavailable (%s: %s); serving without it for now", type(exc).__name__, exc)
                self._down = True
                self._down_until = time.monotonic() + self.retry_after
            return fallback()
        if self._down:
            with self._lock:
                if self._down:
                    logger.warning("cache available again")
                self._down = False
        return result

    @staticmethod
    def _missing_key():
        raise ValueError("Key not found (the cache is unavailable).")

    # --- the cache API -------------------------------------------------------------------------
    def add(self, key, value, timeout=_MISSING, version=None):
        args = (key, value) if timeout is _MISSING else (key, value, timeout)
        return self._call(super().add, lambda: True, *args, version=version)

    def get(self, key, default=None, version=None):
        return self._call(super().get, lambda: default, key, default, version=version)

    def set(self, key, value, timeout=_MISSING, version=None):
        args = (key, value) if timeout is _MISSING else (key, value, timeout)
        return self._call(super().set, lambda: None, *args, version=version)

    def touch(self, key, timeout=_MISSING, version=None):
        args = (key,) if timeout is _MISSING else (key, timeout)
        return self._call(super().touch, lambda: False, *args, version=version)

    def delete(self, key, version=None):
        return self._call(super().delete, lambda: False, key, version=version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, dict, keys, version=version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, lambda: False, key, version=version)

    def incr(self, key, delta=1, version=None):
        return self._call(super().incr, self._missing_key, key, delta, version=version)

    def set_many(self, data, timeout=_MISSING, version=None):
        args = (data,) if timeout is _MISSING else (data, timeout)
        return self._call(super().set_many, lambda: list(data), *args, version=version)

    def delete_many(self, keys, version=None):
        return self._call(super().delete_many, lambda: None, keys, version=version)

    def clear(self):
        return self._call(super().clear, lambda: False)

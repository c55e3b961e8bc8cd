from django.conf import settings


def batch_size() -> int:
    """Statements per POST (and rows claimed per round)."""
    return int(getattr(settings, "GUILD_XAPI_BATCH_SIZE", 100))


def timeout_seconds() -> float:
    return float(getattr(settings, "GUILD_XAPI_TIMEOUT", 10))


def retry_seconds() -> float:
    """The first retry's delay; each further attempt doubles it, up to max_retry_seconds."""
    return float(getattr(settings, "GUILD_XAPI_RETRY_SECONDS", 60))


def max_retry_seconds() -> float:
    return float(getattr(settings, "GUILD_XAPI_MAX_RETRY_SECONDS", 3600))


def max_attempts() -> int:
    """After this many failed attempts a statement waits for `export_xapi --lrs NAME` (about two days of
    an LRS outage with the default delays)."""
    return int(getattr(settings, "GUILD_XAPI_MAX_ATTEMPTS", 60))


def lease_seconds() -> float:
    """A 'sending' row claimed longer ago than this belongs to a worker that died: it is sent again."""
    return float(getattr(settings, "GUILD_XAPI_LEASE_SECONDS", 300))

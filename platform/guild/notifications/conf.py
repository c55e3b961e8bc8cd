from django.conf import settings


def base_url() -> str:
    return getattr(settings, "GUILD_BASE_URL", "http://127.0.0.1:8000").rstrip("/")


def lease_seconds() -> int:
    """A 'sending' row claimed longer ago than this is taken to be orphaned (its worker died) and is sent again."""
    return int(getattr(settings, "GUILD_OUTBOX_LEASE_SECONDS", 600))


def max_attempts() -> int:
    return int(getattr(settings, "GUILD_OUTBOX_MAX_ATTEMPTS", 5))


def retry_backoff_seconds() -> int:
    return int(getattr(settings, "GUILD_OUTBOX_RETRY_SECONDS", 300))


def batch_size() -> int:
    return int(getattr(settings, "GUILD_OUTBOX_BATCH_SIZE", 200))


def outbox_seconds() -> float:
    """How often beat runs the outbox sender, to pick up retries and orphaned claims."""
    return float(getattr(settings, "GUILD_OUTBOX_SECONDS", 30))

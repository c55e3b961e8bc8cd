from django.conf import settings


def base_url() -> str:
    """Only for what leaves the site (emails, exported documents); in-app links stay relative."""
    return getattr(settings, "GUILD_BASE_URL", "http://127.0.0.1:8000").rstrip("/")


def site_path(url: str) -> str:
    """`url` relative to the site when it points at GUILD_BASE_URL: a link shown inside Guild must
    work on whatever host and port Guild is served from."""
    base = base_url()
    if url and (url == base or url.startswith(base + "/")):
        return url[len(base):] or "/"
    return url


def absolute_url(url: str) -> str:
    """A site-relative path made absolute with GUILD_BASE_URL (for emails); other URLs unchanged."""
    return base_url() + url if url.startswith("/") and not url.startswith("//") else url


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

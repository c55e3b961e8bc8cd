"""Time zones: each person's local date decides 'due in 7 days' and 'overdue', and messages
wait for the policy's sending hours in the person's own time zone."""

import logging
import zoneinfo
from datetime import datetime, time, timedelta
from functools import lru_cache

logger = logging.getLogger(__name__)
UTC = zoneinfo.ZoneInfo("UTC")


@lru_cache(maxsize=1024)
def zone(name: str):
    """The ZoneInfo for `name`; UTC (and a warning, once per name) when the name is unknown,
    so one bad profile never stops a sweep."""
    try:
        return zoneinfo.ZoneInfo(name) if name else UTC
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        logger.warning("unknown time zone %r: using UTC", name)
        return UTC


def local_date(now: datetime, tz_name: str):
    return now.astimezone(zone(tz_name)).date()


def send_time(now: datetime, tz_name: str, from_hour: int, until_hour: int) -> datetime:
    """`now` when it is within sending hours where the person is, else the next start of them."""
    tz = zone(tz_name)
    local = now.astimezone(tz)
    if from_hour <= local.hour < until_hour:
        return now
    day = local.date() if local.hour < from_hour else local.date() + timedelta(days=1)
    return datetime.combine(day, time(hour=from_hour), tzinfo=tz).astimezone(UTC)

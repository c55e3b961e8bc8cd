"""The dashboard periods: the rollups keep figures for each, and the dashboard filters on them."""

from datetime import timedelta

from django.utils import timezone

PERIOD_DAYS = (30, 90, 365)


def period_start(days, *, today=None):
    """The first day of the dashboard period of `days` days ending today (local time)."""
    return (today or timezone.localdate()) - timedelta(days=days - 1)

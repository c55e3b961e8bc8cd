"""The dashboard periods: the rollups keep figures for each, and for the period of the same length just
before it (so every figure can show its change), and the dashboard filters on them."""

from datetime import timedelta

from django.utils import timezone

PERIOD_DAYS = (30, 90, 365)


def period_start(days, *, today=None):
    """The first day of the dashboard period of `days` days ending today (local time)."""
    return (today or timezone.localdate()) - timedelta(days=days - 1)


def previous_window(start, end):
    """(first day, last day) of the window of the same length that ends the day before `start`."""
    length = (end - start).days + 1
    return start - timedelta(days=length), start - timedelta(days=1)


def summary_windows(*, today=None):
    """Every (first day, last day) the rollups keep figures for: each dashboard period ending today and
    the period of the same length before it."""
    today = today or timezone.localdate()
    windows = []
    for days in PERIOD_DAYS:
        current = (period_start(days, today=today), today)
        windows += [current, previous_window(*current)]
    return windows

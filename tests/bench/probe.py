"""`python -m tests.bench.probe sweep`: run one reminder sweep in a fresh process and print, as
JSON, how long it took and the process's peak resident memory (the sweep scenario's figures)."""

import json
import resource
import sys
import time


def _rss_mb():
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # kB on Linux


def main(what):
    import django

    django.setup()
    if what != "sweep":
        raise SystemExit(f"unknown probe {what}")
    from django.utils import timezone

    from courses.automation.reminders import sweep_reminders

    start_rss = _rss_mb()
    now = timezone.now() if len(sys.argv) < 3 else timezone.datetime.fromisoformat(sys.argv[2])
    started = time.perf_counter()
    counts = sweep_reminders(now=now, enqueue=False)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "start_rss_mb": start_rss, "peak_rss_mb": _rss_mb(), "counts": counts}))


if __name__ == "__main__":
    main(sys.argv[1])

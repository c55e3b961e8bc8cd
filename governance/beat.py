from governance.conf import ROLLUP_INTERVAL_SECONDS, SUMMARY_INTERVAL_SECONDS

BEAT_SCHEDULE = {
    "governance-fold-learning-events": {
        "task": "governance.fold_learning_events",
        "schedule": float(ROLLUP_INTERVAL_SECONDS),
        # Expire a queued run once the next one is due: runs must not pile up behind a slow worker.
        "options": {"expires": float(ROLLUP_INTERVAL_SECONDS)},
    },
    "governance-refresh-summaries": {
        "task": "governance.refresh_summaries",
        "schedule": float(SUMMARY_INTERVAL_SECONDS),
        "options": {"expires": float(SUMMARY_INTERVAL_SECONDS)},
    },
}

BEAT_SCHEDULE = {
    "guild-heartbeat": {"task": "guild.core.heartbeat", "schedule": 60.0, "kwargs": {"name": "beat"}},
}

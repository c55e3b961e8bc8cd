from . import sweeps

BEAT_SCHEDULE = {
    "guild-heartbeat": {"task": "guild.core.heartbeat", "schedule": 60.0, "kwargs": {"name": "beat"}},
    "guild-sweeps": {"task": "guild.core.sweep_all", "schedule": sweeps.sweep_seconds()},
}

from django.conf import settings

# How often the learning-event log is folded into the dashboard rollups.
ROLLUP_INTERVAL_SECONDS = getattr(settings, "GUILD_GOVERNANCE_ROLLUP_INTERVAL", 60)

from django.conf import settings

# How often the learning-event log is folded into the dashboard rollups.
ROLLUP_INTERVAL_SECONDS = getattr(settings, "GUILD_GOVERNANCE_ROLLUP_INTERVAL", 60)

# How often the dashboards' enrolment summary is recomputed (a grouped pass over a year of enrolments).
SUMMARY_INTERVAL_SECONDS = getattr(settings, "GUILD_GOVERNANCE_SUMMARY_INTERVAL", 60 if settings.DEBUG else 600)

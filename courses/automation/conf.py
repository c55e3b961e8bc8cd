from django.conf import settings


def rules_sweep_seconds() -> float:
    return float(getattr(settings, "GUILD_RULES_SWEEP_SECONDS", 60 if settings.DEBUG else 3600))


def reminder_batch_size() -> int:
    """Enrolments per reminder-sweep batch (one delivery task at most per batch). Larger than the
    general batch: a reminder batch is one keyset query and one COPY, whatever its size."""
    return int(getattr(settings, "GUILD_REMINDER_BATCH_SIZE", 2000))


def rule_run_retention_days() -> int:
    """Rule runs older than this are pruned (beyond each rule's latest few)."""
    return int(getattr(settings, "GUILD_RULE_RUN_RETENTION_DAYS", 90))


def rule_run_keep_per_rule() -> int:
    """Runs always kept per rule; the rule page lists this many."""
    return int(getattr(settings, "GUILD_RULE_RUN_KEEP_PER_RULE", 20))

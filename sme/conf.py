"""Settings of the experts app, each overridable from Django settings."""

from django.conf import settings


def confirmed_expert_level() -> int:
    """The skill level a confirmed nomination records (at least; a higher assessed level is kept)."""
    return getattr(settings, "GUILD_CONFIRMED_EXPERT_LEVEL", 4)


def outdated_threshold() -> int:
    """How many "outdated" reactions flag a course as needing an update."""
    return getattr(settings, "GUILD_OUTDATED_REACTIONS_THRESHOLD", 3)


def low_rating() -> float:
    """An average rating below this flags a course (once it has `min_ratings` ratings)."""
    return getattr(settings, "GUILD_LOW_RATING_THRESHOLD", 3.0)


def min_ratings() -> int:
    return getattr(settings, "GUILD_LOW_RATING_MIN_COUNT", 5)


def academy_slug() -> str:
    """The learning path every new expert is enrolled in (`manage.py ensure_sme_academy` creates it)."""
    return getattr(settings, "GUILD_SME_ACADEMY_SLUG", "sme-academy")

"""Settings of the peer review, each overridable from Django settings."""

from django.conf import settings


def review_days() -> int:
    """Default review SLA in days, used when a task does not set its own."""
    return getattr(settings, "GUILD_REVIEW_SLA_DAYS", 5)


def approvals_required() -> int:
    return getattr(settings, "GUILD_REVIEW_APPROVALS", 2)


def ld_signoff() -> bool:
    """Whether the course workflow ends with an L&D sign-off step after peer review. Off by
    default: two experts' approvals against the checklist are the gate (docs/peer-review.md)."""
    return getattr(settings, "GUILD_REVIEW_LD_SIGNOFF", False)


def min_skill_level() -> int:
    """The lowest level in a course skill that qualifies someone to review it."""
    return getattr(settings, "GUILD_REVIEW_MIN_SKILL_LEVEL", 3)


DEFAULT_CHECKLIST = [
    "The course says who it is for and what a learner will be able to do.",
    "Every fact is correct and up to date.",
    "Lessons are short, in a sensible order, and each ends with something to practise.",
    "Quiz questions test the objectives and their feedback explains the right answer.",
    "Nothing confidential or personal is shown.",
]


def default_checklist() -> list[str]:
    return list(getattr(settings, "GUILD_REVIEW_DEFAULT_CHECKLIST", DEFAULT_CHECKLIST))

"""Demo course content for `manage.py seed_demo`: plain data that courses.demo loads into Wagtail pages.

COURSES, PATHS, COHORTS and TEMPLATES follow the format agreed with courses.demo; lesson bodies are
StreamField JSON for courses.blocks.LessonStreamBlock. One module per course keeps each one reviewable.
"""

from . import (
    authoring,
    code_review,
    discovery,
    feedback,
    negotiation,
    onboarding,
    one_to_ones,
    privacy,
    security,
    sql,
)
from .catalogue import COHORTS, PATHS, TEMPLATES

COURSES = [
    one_to_ones.COURSE,
    sql.COURSE,
    discovery.COURSE,
    security.COURSE,
    onboarding.COURSE,
    feedback.COURSE,
    privacy.COURSE,
    code_review.COURSE,
    negotiation.COURSE,
    authoring.WRITING,
    authoring.REVIEWING,
]

__all__ = ["COURSES", "PATHS", "COHORTS", "TEMPLATES"]

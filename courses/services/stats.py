"""CourseStats counters move with F() expressions so concurrent requests never lose an update.

Invariant kept by the counters: enrolments == active + completions + (withdrawn people)."""

from django.db.models import F
from django.db.models.functions import Greatest

from ..models.stats import CourseStats


def bump_stats(course_id, **deltas):
    """Move CourseStats counters by `deltas` (e.g. active=-1) atomically, creating the row if needed."""
    if not deltas:
        return
    values = {name: Greatest(F(name) + delta, 0) for name, delta in deltas.items()}
    if not CourseStats.objects.filter(course_id=course_id).update(**values):
        CourseStats.objects.get_or_create(course_id=course_id)
        CourseStats.objects.filter(course_id=course_id).update(**values)

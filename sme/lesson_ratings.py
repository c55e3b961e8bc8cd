"""How learners rate each lesson of an author's courses, as the workspace shows it: per course the
average over its lessons' ratings, per lesson its average and count, the weakest lessons first so
the author knows which to improve. One query, whatever the number of courses, lessons or ratings."""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, Sum

from courses.models import LessonRating

# A lesson averaging under this many stars is marked "Low rating": learners found it weak.
LOW_RATING = 3.0


@dataclass
class LessonRatingRow:
    lesson_id: int
    title: str
    average: float
    count: int

    @property
    def is_low(self) -> bool:
        return self.average < LOW_RATING


@dataclass
class CourseLessonRatings:
    course: object
    average: float
    count: int
    lessons: list = field(default_factory=list)  # LessonRatingRow, lowest average first


def _one_decimal(value) -> float:
    return round(float(value), 1)


def lesson_ratings(*, courses) -> list[CourseLessonRatings]:
    """The rated courses among `courses`, lowest average first, each with its rated lessons."""
    by_id = {c.pk: c for c in courses}
    if not by_id:
        return []
    rows = (
        LessonRating.objects.filter(course_id__in=by_id)
        .values("course_id", "lesson_id", "lesson__title")
        .annotate(average=Avg("stars"), count=Count("id"), total=Sum("stars"))
        .order_by("average", "-count", "lesson__title", "lesson_id")
    )
    found: dict[int, CourseLessonRatings] = {}
    totals: dict[int, int] = {}
    for row in rows:
        course_id = row["course_id"]
        summary = found.setdefault(course_id, CourseLessonRatings(course=by_id[course_id], average=0.0, count=0))
        summary.lessons.append(LessonRatingRow(
            lesson_id=row["lesson_id"], title=row["lesson__title"], average=_one_decimal(row["average"]), count=row["count"]))
        summary.count += row["count"]
        totals[course_id] = totals.get(course_id, 0) + row["total"]
    for course_id, summary in found.items():
        # Over every rating of the course, so a lesson rated by many weighs more than one rated once.
        summary.average = _one_decimal(totals[course_id] / summary.count)
    return sorted(found.values(), key=lambda s: (s.average, s.course.title))

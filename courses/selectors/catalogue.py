"""The catalogue list and its course cards."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import F, Prefetch

from guild.skills.models import Skill

from ..models.enrolment import Enrolment, EnrolmentStatus
from ..models.pages import CourseLevel, CoursePage

CATALOGUE_PAGE_SIZE = 12
DURATIONS = {  # filter value -> (min minutes, max minutes)
    "short": (0, 30),
    "medium": (31, 120),
    "long": (121, 100_000),
}
SORTS = ("relevance", "newest", "popular")
SEARCH_RESULT_LIMIT = 500


def course_cards():
    return (
        CoursePage.objects.live()
        .select_related("stats")
        .prefetch_related(Prefetch("skills", queryset=Skill.objects.only("id", "name", "slug")))
        .defer_streamfields()
    )


@dataclass
class CatalogueQuery:
    q: str = ""
    skill: str = ""
    level: str = ""
    duration: str = ""
    sort: str = ""

    @classmethod
    def from_request(cls, params):
        query = cls(
            q=(params.get("q") or "").strip()[:200],
            skill=(params.get("skill") or "").strip()[:100],
            level=params.get("level") if params.get("level") in CourseLevel.values else "",
            duration=params.get("duration") if params.get("duration") in DURATIONS else "",
            sort=params.get("sort") if params.get("sort") in SORTS else "",
        )
        if not query.sort:
            query.sort = "relevance" if query.q else "newest"
        if query.sort == "relevance" and not query.q:
            query.sort = "newest"
        return query

    def querystring(self):
        return urlencode({k: v for k, v in self.__dict__.items() if v})


def catalogue(*, params, page_number=1, user=None):
    """The catalogue list: (query, page_obj, enrolment status by course id, skills for the filter)."""
    query = CatalogueQuery.from_request(params)
    courses = CoursePage.objects.live()
    if query.level:
        courses = courses.filter(level=query.level)
    if query.duration:
        low, high = DURATIONS[query.duration]
        courses = courses.filter(estimated_minutes__gte=low, estimated_minutes__lte=high)
    if query.skill:
        courses = courses.filter(id__in=CoursePage.skills.through.objects.filter(skill__slug=query.skill).values("coursepage_id"))
    if query.q and query.sort == "relevance":
        results = courses.defer_streamfields().select_related("stats").search(query.q)
        page_obj = Paginator(results, CATALOGUE_PAGE_SIZE).get_page(page_number)
        items = list(page_obj.object_list)
        # The search backend cannot prefetch: fetch the skills of this page's courses in one query.
        _attach_skills(items)
    else:
        if query.q:
            matching = [p.pk for p in courses.only("id").search(query.q)[:SEARCH_RESULT_LIMIT]]
            courses = CoursePage.objects.filter(pk__in=matching)
        ordering = ("-first_published_at",) if query.sort == "newest" else (F("stats__enrolments").desc(nulls_last=True), "title")
        listing = course_cards().filter(pk__in=courses.values("pk")).order_by(*ordering)
        page_obj = Paginator(listing, CATALOGUE_PAGE_SIZE).get_page(page_number)
        items = list(page_obj.object_list)
    page_obj.object_list = items
    statuses = {}
    if user is not None and user.is_authenticated and items:
        rows = Enrolment.objects.filter(learner=user, course_id__in=[c.pk for c in items]).values_list(
            "course_id", "status", "progress", "started_at"
        )
        statuses = {course_id: enrolment_label(status, progress, started_at) for course_id, status, progress, started_at in rows}
    skills = list(Skill.objects.filter(courses__live=True).distinct().only("name", "slug").order_by("name"))
    return query, page_obj, statuses, skills


def enrolment_label(status, progress, started_at):
    """How a course card names the learner's enrolment: "not_started" (enrolled, nothing opened yet),
    "active" (under way), "completed", or "" (left)."""
    if status == EnrolmentStatus.ACTIVE:
        return "active" if progress or started_at else "not_started"
    return "completed" if status == EnrolmentStatus.COMPLETED else ""


def _attach_skills(courses):
    through = CoursePage.skills.through
    by_course = {}
    for row in through.objects.filter(coursepage_id__in=[c.pk for c in courses]).select_related("skill"):
        by_course.setdefault(row.coursepage_id, []).append(row.skill)
    for course in courses:
        course.skill_list = by_course.get(course.pk, [])

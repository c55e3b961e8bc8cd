"""The catalogue list and its course cards."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import F, OuterRef, Prefetch, Subquery, Sum
from django.db.models.functions import Coalesce
from wagtail.images import get_image_model

from guild.skills.models import Skill

from ..models.enrolment import Enrolment, EnrolmentStatus
from ..models.pages import CourseLevel, CoursePage, LessonPage
from ..services.progression import lesson_minutes, resume_lessons
from .search import search_courses

CATALOGUE_PAGE_SIZE = 12
DURATIONS = {  # filter value -> (min minutes, max minutes)
    "short": (0, 30),
    "medium": (31, 120),
    "long": (121, 100_000),
}
SORTS = ("relevance", "newest", "popular")
CARD_RENDITION = "fill-640x320"  # the catalogue card's cover (courses/includes/course_card.html)


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

    def with_q(self, q):
        """This search's query string with another text (best match first): the "did you mean" link."""
        return urlencode({**{k: v for k, v in self.__dict__.items() if v}, "q": q, "sort": "relevance"})


def catalogue(*, params, page_number=1, user=None):
    """The catalogue list: (query, page_obj, the viewer's enrolment by course id, skills for the
    filter, the "did you mean" suggestion). The page's courses carry their cards' data (see decorate)."""
    query = CatalogueQuery.from_request(params)
    courses = CoursePage.objects.live()
    if query.level:
        courses = courses.filter(level=query.level)
    if query.duration:
        low, high = DURATIONS[query.duration]
        courses = courses.filter(pk__in=with_duration(CoursePage.objects.live()).filter(
            duration__gte=low, duration__lte=high).values("pk"))
    if query.skill:
        courses = courses.filter(id__in=CoursePage.skills.through.objects.filter(skill__slug=query.skill).values("coursepage_id"))
    suggestion = ""
    if query.q:
        outcome = search_courses(courses, query.q)
        suggestion = outcome.suggestion
        if query.sort == "relevance":
            page_obj = Paginator(outcome.ids, CATALOGUE_PAGE_SIZE).get_page(page_number)
            by_id = {c.pk: c for c in course_cards().filter(pk__in=page_obj.object_list)}
            page_obj.object_list = [by_id[pk] for pk in page_obj.object_list if pk in by_id]
        else:
            courses = CoursePage.objects.filter(pk__in=outcome.ids)
    if not (query.q and query.sort == "relevance"):
        ordering = ("-first_published_at",) if query.sort == "newest" else (F("stats__enrolments").desc(nulls_last=True), "title")
        listing = course_cards().filter(pk__in=courses.values("pk")).order_by(*ordering)
        page_obj = Paginator(listing, CATALOGUE_PAGE_SIZE).get_page(page_number)
        page_obj.object_list = list(page_obj.object_list)
    enrolments = decorate(page_obj.object_list, user=user)
    skills = list(Skill.objects.filter(courses__live=True).distinct().only("name", "slug").order_by("name"))
    return query, page_obj, enrolments, skills, suggestion


def with_duration(courses):
    """Annotate `duration`: the sum of the live lessons' estimated minutes, or the course's own
    estimate while it has no lesson."""
    lessons = (
        LessonPage.objects.live().filter(depth=OuterRef("depth") + 1, path__startswith=OuterRef("path"))
        .order_by().values("depth").annotate(total=Sum("estimated_minutes")).values("total")
    )
    return courses.annotate(duration=Coalesce(Subquery(lessons), F("estimated_minutes")))


def decorate(courses, *, user=None):
    """Give each course card what it shows: `duration` (minutes, from its lessons), `cover` (the cover
    image with its card rendition prefetched, or None for the drawn placeholder), and, for a signed-in
    viewer, `enrolment` with `label`, `resume_lesson`. A fixed number of queries for any page size.
    Returns {course id: enrolment}."""
    if not courses:
        return {}
    minutes = lesson_minutes(courses)
    for course in courses:
        course.duration = minutes.get(course.pk) or course.estimated_minutes
    image_ids = {c.cover_image_id for c in courses if c.cover_image_id}
    images = {}
    if image_ids:
        images = {i.pk: i for i in get_image_model().objects.filter(pk__in=image_ids).prefetch_renditions(CARD_RENDITION)}
    for course in courses:
        course.cover = images.get(course.cover_image_id)
    enrolments = {}
    if user is not None and user.is_authenticated:
        by_id = {c.pk: c for c in courses}
        rows = list(
            Enrolment.objects.filter(learner=user, course_id__in=list(by_id)).exclude(status=EnrolmentStatus.WITHDRAWN)
            .only("id", "learner_id", "course_id", "status", "progress", "started_at", "due_date", "last_lesson_id")
        )
        for enrolment in rows:
            enrolment.course = by_id[enrolment.course_id]  # already loaded: no query per card
            enrolment.label = enrolment_label(enrolment.status, enrolment.progress, enrolment.started_at)
        targets = resume_lessons(rows)
        for enrolment in rows:
            enrolment.resume_lesson = targets.get(enrolment.pk)
            enrolments[enrolment.course_id] = enrolment
    for course in courses:
        course.enrolment = enrolments.get(course.pk)
    return enrolments


def enrolment_label(status, progress, started_at):
    """How a course card names the learner's enrolment: "not_started" (enrolled, no lesson opened yet),
    "active" (under way), "completed", or "" (left)."""
    if status == EnrolmentStatus.ACTIVE:
        return "active" if progress or started_at else "not_started"
    return "completed" if status == EnrolmentStatus.COMPLETED else ""

"""Reads for the learner's pages. Each function runs a fixed number of queries, whatever the
number of courses, lessons or enrolments (the tests assert it at two data sizes).

Only live pages are ever returned to learners."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef, Prefetch
from django.utils import timezone

from guild.skills.models import PersonSkill, RoleSkillRequirement, Skill

from .models.certificates import Certificate
from .models.cohorts import CohortMembership
from .models.discussions import DiscussionThread
from .models.enrolment import Enrolment, EnrolmentStatus
from .models.feedback import CourseRating, LessonReaction
from .models.pages import CourseLevel, CoursePage, LearningPathPage, LessonPage, PathCourse
from .models.quizzes import QuizAttempt
from .services.enrolment import IMPOSED_SOURCES, can_unenrol
from .services.quizzes import attempts_left, quiz_outcome

CATALOGUE_PAGE_SIZE = 12
DURATIONS = {  # filter value -> (min minutes, max minutes)
    "short": (0, 30),
    "medium": (31, 120),
    "long": (121, 100_000),
}
SORTS = ("relevance", "newest", "popular")
SEARCH_RESULT_LIMIT = 500


def _course_cards():
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
        listing = _course_cards().filter(pk__in=courses.values("pk")).order_by(*ordering)
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


def lessons_of(course, *, live_only=True):
    qs = LessonPage.objects.child_of(course).defer_streamfields().order_by("path")
    return qs.live() if live_only else qs


@dataclass
class OutlineItem:
    lesson: LessonPage
    done: bool = False
    has_quiz: bool = False


@dataclass
class CourseView:
    course: CoursePage
    outline: list = field(default_factory=list)
    enrolment: Enrolment | None = None
    continue_lesson: LessonPage | None = None
    certificate: Certificate | None = None
    rating: CourseRating | None = None
    threads: list = field(default_factory=list)
    authors: list = field(default_factory=list)
    can_unenrol: bool = False


def course_view(*, course, user):
    """Outline (with done marks), the learner's enrolment, where to continue, certificate, rating."""
    if course.pk is None:  # an editor previewing a course not yet saved
        return CourseView(course=course)
    lessons = list(lessons_of(course))
    quiz_lessons = set(
        LessonPage.objects.filter(pk__in=[lesson.pk for lesson in lessons], body__icontains='"type": "question"')
        .values_list("pk", flat=True)
    )
    view = CourseView(course=course)
    view.authors = list(course.course_authors.select_related("user").order_by("-is_lead", "sort_order"))
    enrolment = (
        Enrolment.objects.filter(learner=user, course=course).select_related("course").prefetch_related("lesson_completions").first()
    ) if user.is_authenticated else None
    done = set()
    if enrolment and enrolment.status != EnrolmentStatus.WITHDRAWN:
        view.enrolment = enrolment
        done = {c.lesson_id for c in enrolment.lesson_completions.all()}
        view.can_unenrol = can_unenrol(enrolment=enrolment)
        view.certificate = enrolment.certificates.filter(revoked_at__isnull=True).first()
        view.rating = CourseRating.objects.filter(learner=user, course=course).first()
    view.outline = [OutlineItem(lesson=lesson, done=lesson.pk in done, has_quiz=lesson.pk in quiz_lessons) for lesson in lessons]
    if view.enrolment:
        last = next((item for item in view.outline if item.lesson.pk == enrolment.last_lesson_id), None)
        first_undone = next((item.lesson for item in view.outline if not item.done), None)
        view.continue_lesson = (last.lesson if last and not last.done else None) or first_undone or (
            lessons[0] if lessons else None
        )
    view.threads = list(
        DiscussionThread.objects.filter(course=course).select_related("author").order_by("-last_post_at")[:5]
    )
    return view


@dataclass
class LessonView:
    lesson: LessonPage
    course: CoursePage
    previous: LessonPage | None = None
    next: LessonPage | None = None
    position: int = 0
    total: int = 0
    enrolment: Enrolment | None = None
    done: bool = False
    attempts: list = field(default_factory=list)
    best_score: int | None = None
    passed: bool = False
    attempts_left: int | None = None
    shown_attempt: QuizAttempt | None = None
    results: list | None = None
    my_reactions: set = field(default_factory=set)
    my_questions: list = field(default_factory=list)


def lesson_view(*, lesson, user, attempt_number=None):
    """Everything a lesson page shows. Quiz feedback only for an attempt the learner made."""
    course = CoursePage.objects.select_related("stats").defer_streamfields().get(path=lesson.path[: -LessonPage.steplen])
    siblings = list(lessons_of(course).only("id", "title", "slug", "path", "url_path", "depth"))
    view = LessonView(lesson=lesson, course=course, total=len(siblings))
    for i, sibling in enumerate(siblings):
        if sibling.pk == lesson.pk:
            view.position = i + 1
            view.previous = siblings[i - 1] if i > 0 else None
            view.next = siblings[i + 1] if i + 1 < len(siblings) else None
    enrolment = None
    if user.is_authenticated:
        enrolment = Enrolment.objects.filter(learner=user, course=course).exclude(status=EnrolmentStatus.WITHDRAWN).first()
    if enrolment and lesson.pk:  # an unsaved lesson is an editor's preview: no progress to show
        view.enrolment = enrolment
        view.done = enrolment.lesson_completions.filter(lesson=lesson).exists()
        view.attempts = list(enrolment.quiz_attempts.filter(lesson=lesson).order_by("attempt_number"))
        if view.attempts:
            view.best_score = max(a.score for a in view.attempts)
            view.passed = any(a.passed for a in view.attempts)
        view.attempts_left = attempts_left(course=course, used=len(view.attempts))
        if attempt_number is not None:
            view.shown_attempt = next((a for a in view.attempts if a.attempt_number == attempt_number), None)
            if view.shown_attempt:
                view.results = quiz_outcome(lesson=lesson, answers=view.shown_attempt.answers)
        reactions = list(LessonReaction.objects.filter(learner=user, lesson=lesson).order_by("created_at"))
        view.my_reactions = {r.kind for r in reactions}
        view.my_questions = [r for r in reactions if r.kind == "question"]
    return view


# --- My learning --------------------------------------------------------------------------------


@dataclass
class MyLearning:
    assigned: list = field(default_factory=list)
    in_progress: list = field(default_factory=list)
    completed: list = field(default_factory=list)
    certificates: list = field(default_factory=list)
    paths: list = field(default_factory=list)
    recommended: list = field(default_factory=list)
    team_popular: list = field(default_factory=list)
    cohorts: list = field(default_factory=list)
    overdue_count: int = 0
    # Why "Recommended for your role" is empty: no_role, no_gaps, taken (the courses for the gaps are
    # already in the learner's list) or no_course (no live course teaches them yet).
    gap_state: str = ""


def my_learning(*, user, limit=None):
    """The learner's home: assigned (due dates, overdue first), in progress, completed, certificates,
    paths, cohorts, and recommendations from their role's skill gaps and their team's favourites."""
    data = MyLearning()
    enrolments = list(
        Enrolment.objects.filter(learner=user, course__live=True)
        .exclude(status=EnrolmentStatus.WITHDRAWN)
        .select_related("course", "last_lesson")
        .defer("course__summary", "course__audience")
        .order_by(F("due_date").asc(nulls_last=True), "-last_activity_at", "-enrolled_at")
    )
    today = timezone.localdate()
    for enrolment in enrolments:
        if enrolment.status == EnrolmentStatus.COMPLETED:
            data.completed.append(enrolment)
        elif enrolment.source in IMPOSED_SOURCES or enrolment.due_date:
            data.assigned.append(enrolment)
            if enrolment.due_date and enrolment.due_date < today:
                data.overdue_count += 1
        else:
            data.in_progress.append(enrolment)
    data.completed.sort(key=lambda e: e.completed_at or e.enrolled_at, reverse=True)
    data.certificates = list(
        Certificate.objects.filter(learner=user, revoked_at__isnull=True).select_related("course").order_by("-issued_at")
    )
    enrolled_ids = {e.course_id for e in enrolments}
    progress = {e.course_id: e for e in enrolments}
    path_rows = list(
        PathCourse.objects.filter(path__live=True, path__path_courses__course_id__in=enrolled_ids)
        .select_related("path", "course").distinct().order_by("path__title", "path_id", "sort_order")
    ) if enrolled_ids else []
    paths = {}
    for row in path_rows:
        entry = paths.setdefault(row.path_id, {"path": row.path, "courses": [], "done": 0})
        enrolment = progress.get(row.course_id)
        entry["courses"].append({"course": row.course, "enrolment": enrolment})
        entry["done"] += bool(enrolment and enrolment.status == EnrolmentStatus.COMPLETED)
    data.paths = [dict(p, percent=round(100 * p["done"] / len(p["courses"]))) for p in paths.values()]
    data.cohorts = list(
        CohortMembership.objects.filter(learner=user, cohort__ends_on__gte=today - timezone.timedelta(days=30))
        .select_related("cohort", "cohort__course").order_by("cohort__starts_on")
    )
    data.recommended = recommended_for(user=user, exclude=enrolled_ids)
    if not data.recommended:
        data.gap_state = skill_gap_state(user=user, enrolled=enrolled_ids)
    data.team_popular = team_popular_for(user=user, exclude=enrolled_ids | {c.pk for c in data.recommended})
    if limit:
        for name in ("assigned", "in_progress", "completed", "certificates"):
            setattr(data, name, getattr(data, name)[:limit])
    return data


def _skill_gaps(user):
    """The requirements of the person's job role they do not meet (a requirement is met when the
    person holds the skill at or above the required level)."""
    met = PersonSkill.objects.filter(person=user, skill_id=OuterRef("skill_id"), level__gte=OuterRef("level"))
    return RoleSkillRequirement.objects.filter(job_role_id=user.job_role_id).exclude(Exists(met))


def skill_gap_state(*, user, enrolled):
    """Why there is no recommendation for the person's role (see MyLearning.gap_state). Two queries at most."""
    if not user.job_role_id:
        return "no_role"
    gaps = _skill_gaps(user)
    if not gaps.exists():
        return "no_gaps"
    teaching = CoursePage.objects.live().filter(skills__in=gaps.values("skill_id"))
    return "taken" if teaching.filter(pk__in=list(enrolled)).exists() else "no_course"


def recommended_for(*, user, exclude=(), limit=4):
    """Live courses teaching skills the person's job role requires above the level they hold."""
    if not user.job_role_id:
        return []
    gaps = _skill_gaps(user)
    return list(
        _course_cards().filter(skills__in=gaps.values("skill_id")).exclude(pk__in=exclude).distinct()
        .order_by(F("stats__enrolments").desc(nulls_last=True), "title")[:limit]
    )


def team_popular_for(*, user, exclude=(), limit=4):
    """The live courses most taken by the person's teammates.

    Counts the team's enrolments first and loads only the winning courses: joining every teammate's
    enrolment to the course cards took 3.4 s at 1,000,000 enrolments (docs/performance.md). The
    teammates' ids are read first: given a join on the team instead, PostgreSQL scans every enrolment
    (0.3 s at 1,000,000) rather than probing the learner index once per teammate."""
    if not user.team_id:
        return []
    teammates = list(
        get_user_model().objects.filter(team_id=user.team_id, is_active=True).exclude(pk=user.pk).values_list("pk", flat=True)
    )
    if not teammates:
        return []
    counts = dict(
        Enrolment.objects.filter(learner_id__in=teammates, course__live=True)
        .exclude(course_id__in=Enrolment.objects.filter(learner=user).values("course_id"))
        .exclude(course_id__in=list(exclude))
        .values("course_id")
        .annotate(team_enrolments=Count("course_id"))  # in the (learner, course) index
        .order_by("-team_enrolments", "course_id")
        .values_list("course_id", "team_enrolments")[:limit]
    )
    if not counts:
        return []
    courses = list(_course_cards().filter(pk__in=counts))
    for course in courses:
        course.team_enrolments = counts[course.pk]
    return sorted(courses, key=lambda c: (-c.team_enrolments, c.title))


def paths_list():
    paths = list(LearningPathPage.objects.live().order_by("title"))
    rows = PathCourse.objects.filter(path__in=paths, course__live=True).select_related("course").order_by("sort_order")
    by_path = {}
    for row in rows:
        by_path.setdefault(row.path_id, []).append(row.course)
    for path in paths:
        path.course_list = by_path.get(path.pk, [])
    return paths


def path_view(*, path, user):
    courses = [pc.course for pc in path.path_courses.filter(course__live=True).select_related("course").order_by("sort_order")]
    enrolments = {}
    if user.is_authenticated:
        enrolments = {e.course_id: e for e in Enrolment.objects.filter(learner=user, course__in=courses)}
    return [{"course": c, "enrolment": enrolments.get(c.pk)} for c in courses]

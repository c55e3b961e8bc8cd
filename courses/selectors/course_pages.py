"""What a course page and a lesson page show: outline, progress, quiz state."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.urls import reverse

from ..models.certificates import Certificate
from ..models.discussions import DiscussionThread
from ..models.enrolment import Enrolment, EnrolmentStatus
from ..models.feedback import CourseRating, LessonReaction
from ..models.pages import CoursePage, LessonPage
from ..models.quizzes import AttemptRequest, QuizAttempt
from ..services.enrolment import can_unenrol
from ..services.progression import exempt_from_locks, mark_locks, missing_prerequisites, next_lesson
from ..services.quizzes import attempts_left, granted_extra, quiz_outcome


def lessons_of(course, *, live_only=True):
    qs = LessonPage.objects.child_of(course).defer_streamfields().order_by("path")
    return qs.live() if live_only else qs


def _as_drafts(lessons):
    """For an editor's preview: every lesson, live or not, under its latest title, linking to its
    own draft preview, so the author walks the draft course in order as a learner will."""
    for lesson in lessons:
        lesson.title = lesson.draft_title or lesson.title
        draft_url = reverse("wagtailadmin_pages:view_draft", args=[lesson.pk])
        # `{% pageurl %}` asks the page for its URL; a draft has no public one yet.
        lesson.get_url = lambda request=None, current_site=None, _url=draft_url: _url
    return lessons


@dataclass
class OutlineItem:
    lesson: LessonPage
    done: bool = False
    has_quiz: bool = False
    current: bool = False  # the lesson being read (the lesson page's outline)
    locked: bool = False  # the course opens lessons in order, or has prerequisites not completed yet


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
    started: bool = False  # opened a lesson or answered a quiz: "Continue", never "Start"
    blocked_lesson: LessonPage | None = None  # a quiz whose attempts are used up and not passed
    missing_prerequisites: list = field(default_factory=list)  # courses to complete before this one opens


def course_view(*, course, user, preview=False):
    """Outline (with done marks), the learner's enrolment, where to continue, certificate, rating.
    In an editor's preview the outline holds the draft lessons too."""
    if course.pk is None:  # an editor previewing a course not yet saved
        return CourseView(course=course)
    lessons = _as_drafts(list(lessons_of(course, live_only=False))) if preview else list(lessons_of(course))
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
    _apply_locks(view, course=course, user=user, preview=preview)
    if view.enrolment:
        view.blocked_lesson = _blocked_quiz(enrolment=enrolment, course=course, outline=view.outline)
        view.started = bool(enrolment.started_at or enrolment.progress or view.blocked_lesson)
        view.continue_lesson = next_lesson(view.outline, last_lesson_id=enrolment.last_lesson_id) or (
            None if view.missing_prerequisites else (lessons[0] if lessons else None)
        )
    view.threads = list(
        DiscussionThread.objects.filter(course=course).select_related("author").order_by("-last_post_at")[:5]
    )
    return view


def _blocked_quiz(*, enrolment, course, outline):
    """The first quiz lesson with every attempt used (grants counted) and not passed. Two queries."""
    if not course.max_quiz_attempts or not any(item.has_quiz for item in outline):
        return None
    tried = {
        row["lesson_id"]: row for row in enrolment.quiz_attempts.values("lesson_id").annotate(
            used=Count("id"), passes=Count("id", filter=Q(passed=True)))
    }
    if not any(row["used"] >= course.max_quiz_attempts and not row["passes"] for row in tried.values()):
        return None
    extra = dict(
        AttemptRequest.objects.filter(enrolment=enrolment, status="granted").values("lesson_id")
        .annotate(n=Sum("extra_attempts")).values_list("lesson_id", "n")
    )
    for item in outline:
        row = tried.get(item.lesson.pk)
        if row and not row["passes"] and attempts_left(course=course, used=row["used"], extra=extra.get(item.lesson.pk, 0)) == 0:
            return item.lesson
    return None


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
    my_questions: list = field(default_factory=list)
    flagged_outdated: bool = False  # the learner told the authors this lesson is outdated
    outline: list = field(default_factory=list)  # every lesson of the course: done, current, locked
    locked: bool = False  # this lesson is locked for this learner: its content is not shown
    open_lesson: LessonPage | None = None  # when locked: the lesson to take first
    missing_prerequisites: list = field(default_factory=list)
    # The learner's latest request for more attempts at this quiz (any status), once attempts ran out.
    attempt_request: AttemptRequest | None = None


def lesson_view(*, lesson, user, attempt_number=None, preview=False):
    """Everything a lesson page shows. Quiz feedback only for an attempt the learner made.
    In an editor's preview, the position and navigation count the draft lessons too."""
    course = CoursePage.objects.select_related("stats").defer_streamfields().get(path=lesson.path[: -LessonPage.steplen])
    siblings = lessons_of(course, live_only=not preview).only(
        "id", "title", "draft_title", "slug", "path", "url_path", "depth", "is_required"
    )
    siblings = _as_drafts(list(siblings)) if preview else list(siblings)
    view = LessonView(lesson=lesson, course=course, total=len(siblings))
    view.outline = [OutlineItem(lesson=sibling, current=sibling.pk == lesson.pk) for sibling in siblings]
    for i, sibling in enumerate(siblings):
        if sibling.pk == lesson.pk:
            view.position = i + 1
            view.previous = siblings[i - 1] if i > 0 else None
            view.next = siblings[i + 1] if i + 1 < len(siblings) else None
    enrolment = None
    if user.is_authenticated:
        enrolment = Enrolment.objects.filter(learner=user, course=course).exclude(status=EnrolmentStatus.WITHDRAWN).first()
    done = set()
    if enrolment and lesson.pk:  # an unsaved lesson is an editor's preview: no progress to show
        view.enrolment = enrolment
        done = set(enrolment.lesson_completions.values_list("lesson_id", flat=True))
        view.done = lesson.pk in done
        view.attempts = list(enrolment.quiz_attempts.filter(lesson=lesson).order_by("attempt_number"))
        if view.attempts:
            view.best_score = max(a.score for a in view.attempts)
            view.passed = any(a.passed for a in view.attempts)
        # Grants matter only once the course's own attempts are used (a grant is made only then).
        used_up = course.max_quiz_attempts and len(view.attempts) >= course.max_quiz_attempts
        extra = granted_extra(enrolment_id=enrolment.pk, lesson_id=lesson.pk) if used_up else 0
        view.attempts_left = attempts_left(course=course, used=len(view.attempts), extra=extra)
        if view.attempts_left == 0 and not view.passed:
            view.attempt_request = enrolment.attempt_requests.filter(lesson=lesson).order_by("-requested_at", "-id").first()
        if attempt_number is not None:
            view.shown_attempt = next((a for a in view.attempts if a.attempt_number == attempt_number), None)
            if view.shown_attempt:
                view.results = quiz_outcome(lesson=lesson, answers=view.shown_attempt.answers)
        # The one-click reactions, counts and ratings come from courses.selectors.social.
        mine = list(LessonReaction.objects.filter(learner=user, lesson=lesson, kind__in=["question", "outdated"])
                    .order_by("created_at"))
        view.my_questions = [r for r in mine if r.kind == "question"]
        view.flagged_outdated = any(r.kind == "outdated" for r in mine)
    for item in view.outline:
        item.done = item.lesson.pk in done
    _apply_locks(view, course=course, user=user, preview=preview)
    view.locked = any(item.locked for item in view.outline if item.current)
    if view.locked:
        view.open_lesson = next_lesson(view.outline)
    return view


def _apply_locks(view, *, course, user, preview):
    """Mark the outline's locked lessons (courses.services.progression). One query for the missing
    prerequisites; one more, for a course with an order rule, to know whether this person is exempt."""
    if preview:
        return
    missing = missing_prerequisites(user=user, course=course)
    if not (course.lessons_in_order or missing) or exempt_from_locks(user=user, course=course):
        return
    view.missing_prerequisites = missing
    mark_locks(view.outline, in_order=course.lessons_in_order, prerequisites_met=not missing)

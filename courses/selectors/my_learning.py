"""My learning, recommendations for the role and the team, and learning paths."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, F, OuterRef
from django.utils import timezone

from guild.skills.models import PersonSkill, RoleSkillRequirement

from ..models.certificates import Certificate
from ..models.cohorts import CohortMembership
from ..models.enrolment import Enrolment, EnrolmentStatus
from ..models.pages import CoursePage, LearningPathPage, PathCourse
from ..services.enrolment import IMPOSED_SOURCES
from ..services.progression import resume_lessons
from .catalogue import course_cards


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
    # The one course to take next: the nearest due date (overdue first), else the latest activity.
    next_up: Enrolment | None = None
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
        .select_related("course")
        .defer("course__summary", "course__audience")
        .order_by(F("due_date").asc(nulls_last=True), "-last_activity_at", "-enrolled_at")
    )
    today = timezone.localdate()
    attach_resume(enrolments)
    active = [e for e in enrolments if e.status == EnrolmentStatus.ACTIVE]
    due = [e for e in active if e.due_date]
    data.next_up = due[0] if due else (
        max(active, key=lambda e: (e.last_activity_at is not None, e.last_activity_at or e.enrolled_at)) if active else None
    )
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


def attach_resume(enrolments):
    """Set `resume_lesson` on each enrolment: the lesson its Resume button opens (None: the course page)."""
    targets = resume_lessons(enrolments)
    for enrolment in enrolments:
        enrolment.resume_lesson = targets.get(enrolment.pk)
    return enrolments


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
        course_cards().filter(skills__in=gaps.values("skill_id")).exclude(pk__in=exclude).distinct()
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
    courses = list(course_cards().filter(pk__in=counts))
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

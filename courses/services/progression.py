"""Which lessons a learner may open, and where they pick up again.

Two rules lock lessons, both set by the course's authors:
- `lessons_in_order`: a lesson opens once every required lesson before it is done;
- `prerequisites`: no lesson opens until the learner has completed each prerequisite course.

A lesson already done is never locked. The course's authors and L&D admins are never locked out (they
check the course as it runs); editors' previews show everything. The same functions decide what the
outline shows and what the services refuse, so a locked lesson is refused on the server too."""

from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _

from guild.people.roles import Role

from ..models.enrolment import Enrolment, EnrolmentStatus, LessonCompletion
from ..models.pages import CoursePage, LessonPage
from .errors import LearningError


def mark_locks(items, *, in_order, prerequisites_met=True):
    """Set `locked` on outline items (objects with `.lesson` and `.done`, in course order)."""
    gate_open = prerequisites_met
    for item in items:
        item.locked = not item.done and not gate_open
        if in_order and not item.done and getattr(item.lesson, "is_required", True):
            gate_open = False
    return items


def next_lesson(items, *, last_lesson_id=None):
    """Where "Resume" leads: the lesson last opened if it is not done yet, else the first lesson
    neither done nor locked; None when every open lesson is done."""
    last = next((i for i in items if i.lesson.pk == last_lesson_id), None)
    if last and not last.done and not last.locked:
        return last.lesson
    return next((i.lesson for i in items if not i.done and not i.locked), None)


def exempt_from_locks(*, user, course):
    """Authors of the course and L&D admins open every lesson, whatever the order rules."""
    if not user.is_authenticated:
        return False
    return user.has_role(Role.LD_ADMIN) or course.course_authors.filter(user=user).exists()


def missing_prerequisites(*, user, course):
    """The prerequisite courses (live) the person has not completed yet, in title order."""
    required = CoursePage.objects.live().filter(required_by=course).order_by("title")
    if not user.is_authenticated:
        return list(required)
    completed = Enrolment.objects.filter(learner=user, status=EnrolmentStatus.COMPLETED).values("course_id")
    return list(required.exclude(pk__in=completed))


class _Item:
    def __init__(self, lesson, done):
        self.lesson, self.done, self.locked = lesson, done, False


def lock_reason(*, user, lesson, course, done_ids):
    """Why `lesson` is locked for this person, or "" when it is open. `done_ids`: their lessons done."""
    if not (course.lessons_in_order or course.prerequisites.exists()) or exempt_from_locks(user=user, course=course):
        return ""
    if lesson.pk in done_ids:
        return ""
    missing = missing_prerequisites(user=user, course=course)
    if missing:
        return _("Complete %(courses)s first.") % {"courses": ", ".join(c.title for c in missing)}
    if course.lessons_in_order:
        siblings = LessonPage.objects.child_of(course).live().order_by("path").only("id", "path", "is_required")
        items = mark_locks([_Item(s, s.pk in done_ids) for s in siblings], in_order=True)
        if any(i.locked for i in items if i.lesson.pk == lesson.pk):
            return _("Finish the lessons before this one first: this course opens its lessons in order.")
    return ""


def refuse_if_locked(*, enrolment, lesson, course):
    """Raise LearningError when the learner may not take `lesson` yet (completing it, its quiz)."""
    done = set(enrolment.lesson_completions.values_list("lesson_id", flat=True))
    reason = lock_reason(user=enrolment.learner, lesson=lesson, course=course, done_ids=done)
    if reason:
        raise LearningError(reason)


def resume_lessons(enrolments):
    """{enrolment id: the lesson "Resume" opens (or None)} for many enrolments, in four queries
    whatever their number: the live lessons of their courses, the lessons done, the prerequisites and
    the courses the learners completed. `enrolment.course` must be loaded."""
    enrolments = [e for e in enrolments if e.status == EnrolmentStatus.ACTIVE]
    if not enrolments:
        return {}
    courses = {e.course_id: e.course for e in enrolments}
    lessons_by_course = _live_lessons_of(courses.values())
    done = {}
    for enrolment_id, lesson_id in LessonCompletion.objects.filter(
        enrolment_id__in=[e.pk for e in enrolments]
    ).values_list("enrolment_id", "lesson_id"):
        done.setdefault(enrolment_id, set()).add(lesson_id)
    through = CoursePage.prerequisites.through
    prerequisites = {}
    for course_id, required_id in through.objects.filter(from_coursepage_id__in=list(courses)).values_list(
        "from_coursepage_id", "to_coursepage_id"
    ):
        prerequisites.setdefault(course_id, set()).add(required_id)
    completed = set()
    if prerequisites:
        completed = set(
            Enrolment.objects.filter(learner_id__in={e.learner_id for e in enrolments}, status=EnrolmentStatus.COMPLETED)
            .values_list("learner_id", "course_id")
        )
    result = {}
    for e in enrolments:
        met = all((e.learner_id, c) in completed for c in prerequisites.get(e.course_id, ()))
        items = [_Item(lesson, lesson.pk in done.get(e.pk, ())) for lesson in lessons_by_course.get(e.course_id, [])]
        mark_locks(items, in_order=e.course.lessons_in_order, prerequisites_met=met)
        result[e.pk] = next_lesson(items, last_lesson_id=e.last_lesson_id)
    return result


def _live_lessons_of(courses):
    """{course id: [live lessons in order]} in one query per tree depth (one in practice: every
    course sits under the catalogue)."""
    by_depth = {}
    for course in courses:
        by_depth.setdefault(course.depth, {})[course.path] = course.pk
    result = {}
    for depth, paths in by_depth.items():
        prefix = depth * LessonPage.steplen
        rows = (
            LessonPage.objects.live().filter(depth=depth + 1)
            .annotate(parent_path=Substr("path", 1, prefix)).filter(parent_path__in=list(paths))
            .only("id", "title", "slug", "path", "url_path", "depth", "is_required", "estimated_minutes")
            .order_by("path")
        )
        for lesson in rows:
            result.setdefault(paths[lesson.parent_path], []).append(lesson)
    return result


def lesson_minutes(courses):
    """{course id: the sum of its live lessons' estimated minutes} (courses without lessons are absent)."""
    return {
        course_id: sum(lesson.estimated_minutes for lesson in lessons)
        for course_id, lessons in _live_lessons_of(courses).items()
    }

"""Who may open a package's files: enrolled learners of the course once a lesson of the package is
published; the course's authors, L&D admins, and reviewers while the course is in review (preview)."""

from wagtail.models import WorkflowState

from courses.models.enrolment import Enrolment, EnrolmentStatus
from courses.permissions import course_author_ids
from guild.people.roles import Role

from .models import ScormLessonPage


def reviews_now(user, course) -> bool:
    """An assigned reviewer of the course's current round who has not decided yet. Wagtail's workflow
    task answers (the peer review's task says who it assigned), so this app imports no governance."""
    task = course.current_workflow_task
    return bool(task and task.user_can_access_editor(course, user))


def may_open_preview(user, course) -> bool:
    """The lesson's preview page: its authors, L&D admins, and the current round's assigned reviewers."""
    if not (user.is_authenticated and user.is_active):
        return False
    return bool(
        user.is_superuser or user.has_role(Role.LD_ADMIN) or user.pk in course_author_ids(course)
        or reviews_now(user, course)
    )


def can_preview(user, course) -> bool:
    """Authors, L&D admins, and reviewers of a course in review: they see it without learning."""
    if may_open_preview(user, course):
        return True
    if user.is_authenticated and user.is_active and user.has_role(Role.REVIEWER):
        state = course.current_workflow_state
        return bool(state and state.status == WorkflowState.STATUS_IN_PROGRESS)
    return False


def can_open_package(user, package) -> bool:
    if not (user.is_authenticated and user.is_active) or package.course_id is None:
        return False
    enrolled = Enrolment.objects.filter(learner=user, course_id=package.course_id).exclude(
        status=EnrolmentStatus.WITHDRAWN
    ).exists()
    if enrolled and ScormLessonPage.objects.live().filter(item__package=package).exists():
        return True
    return can_preview(user, package.course)

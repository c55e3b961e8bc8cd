"""A manager assigns a course, with a due date, to people in their own teams."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import services as courses_services
from courses.models import EnrolmentSource
from guild.notifications.services import queue_messages
from guild.notifications.tasks import enqueue_delivery
from guild.notifications.timing import local_date
from guild.people.selectors import direct_reports

from .errors import AutomationError
from .message_kinds import enrolment_message


@dataclass
class AssignmentResult:
    enrolled: list = field(default_factory=list)
    already: list = field(default_factory=list)


def assign_course(*, manager, course, learners, due_date, now=None) -> AssignmentResult:
    """A manager assigns a course, with a due date, to people in their own teams."""
    now = now or timezone.now()
    if due_date is None or due_date < local_date(now, manager.timezone):
        raise AutomationError(_("The due date must be today or later."))
    if not learners:
        raise AutomationError(_("Choose at least one person."))
    allowed = set(direct_reports(manager=manager).filter(pk__in=[p.pk for p in learners]).values_list("pk", flat=True))
    outsiders = [p for p in learners if p.pk not in allowed]
    if outsiders:
        raise AutomationError(
            _("You can only assign courses to people in your teams (not %(names)s).")
            % {"names": ", ".join(p.display_name for p in outsiders)}
        )
    if not course.live:
        raise AutomationError(_("This course is not published."))
    result = AssignmentResult()
    messages = []
    for person in learners:
        try:
            enrolment, created = courses_services.enrol(
                learner=person, course=course, source=EnrolmentSource.ASSIGNED, assigned_by=manager, due_date=due_date
            )
        except courses_services.LearningError as exc:
            raise AutomationError(exc.message) from exc
        (result.enrolled if created else result.already).append(enrolment)
        if created:
            messages.append(enrolment_message(enrolment, course, assigned_by=manager))
    if queue_messages(messages):
        transaction.on_commit(enqueue_delivery)
    return result

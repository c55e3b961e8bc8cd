"""A manager assigns a course, with a due date, to people in their own teams."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import services as courses_services
from courses.models import Enrolment, EnrolmentSource
from guild.notifications.services import queue_messages
from guild.notifications.tasks import enqueue_delivery
from guild.notifications.timing import local_date
from guild.people.selectors import direct_reports

from .errors import AutomationError
from .message_kinds import due_date_changed_message, enrolment_message


@dataclass
class AssignmentResult:
    enrolled: list = field(default_factory=list)
    # Already had the course, and the new due date is earlier: the date moved and they are told.
    due_changed: list = field(default_factory=list)
    # Already had the course with an earlier (or no sooner) due date, or had finished it: unchanged.
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
    due_before = dict(
        Enrolment.objects.filter(course=course, learner__in=learners).values_list("learner_id", "due_date")
    )
    for person in learners:
        try:
            enrolment, created = courses_services.enrol(
                learner=person, course=course, source=EnrolmentSource.ASSIGNED, assigned_by=manager, due_date=due_date
            )
        except courses_services.LearningError as exc:
            raise AutomationError(exc.message) from exc
        if created:
            result.enrolled.append(enrolment)
            messages.append(enrolment_message(enrolment, course, assigned_by=manager))
        elif enrolment.due_date != due_before.get(person.pk):
            result.due_changed.append(enrolment)
            messages.append(due_date_changed_message(enrolment, course, changed_by=manager))
        else:
            result.already.append(enrolment)
    if queue_messages(messages):
        transaction.on_commit(enqueue_delivery)
    return result

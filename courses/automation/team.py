"""The manager's team page: each person's courses (overdue first), reminders a manager sends by hand
(through the outbox, at most one a day per enrolment), one person's transcript, and the export."""

from datetime import timedelta

from django.db import transaction
from django.db.models import BooleanField, Case, CharField, OuterRef, Subquery, Value, When
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Certificate, Enrolment, EnrolmentStatus
from guild.core.exports import CONTENT_TYPES, to_csv, to_xlsx
from guild.notifications.models import Notification, OutboxMessage
from guild.notifications.services import queue_messages
from guild.notifications.tasks import enqueue_delivery
from guild.people.selectors import direct_reports

from .errors import AutomationError

REMIND_KIND = "reminder.manager"


def _key_prefix(enrolment_id):
    return f"manager-remind:{enrolment_id}:"


def _last_reminder():
    # By the key's prefix ("manager-remind:<enrolment>:"): the key is indexed, the payload is not.
    prefix = Concat(Value("manager-remind:"), Cast(OuterRef("pk"), CharField()), Value(":"))
    return Subquery(OutboxMessage.objects.filter(key__startswith=prefix)
                    .order_by("-created_at").values("created_at")[:1])


def team_enrolments(*, manager):
    """Every current enrolment of the manager's people, overdue first, then by due date and name;
    with when the manager last reminded them (one query, whatever the team's size)."""
    today = timezone.localdate()
    return (
        Enrolment.objects.filter(learner__in=direct_reports(manager=manager))
        .exclude(status=EnrolmentStatus.WITHDRAWN)
        .select_related("learner", "learner__team", "course")
        .annotate(
            overdue=Case(When(status=EnrolmentStatus.ACTIVE, due_date__lt=today, then=Value(True)), default=Value(False),
                         output_field=BooleanField()),
            done=Case(When(status=EnrolmentStatus.COMPLETED, then=Value(True)), default=Value(False),
                      output_field=BooleanField()),
            last_reminded_at=_last_reminder(),
        )
        .order_by("-overdue", "done", "due_date", "learner__first_name", "learner__last_name", "learner_id", "course__title")
    )


def person_for(*, manager, pk):
    """One of the manager's people, or None (someone else's report is not theirs to see)."""
    return direct_reports(manager=manager).select_related("team").filter(pk=pk).first()


def transcript(*, person):
    """A person's learning record: every enrolment with its certificate, newest first (two queries)."""
    enrolments = list(Enrolment.objects.filter(learner=person).select_related("course", "learner")
                      .annotate(last_reminded_at=_last_reminder()).order_by("-enrolled_at", "-pk"))
    certificates = {}
    for certificate in Certificate.objects.filter(enrolment__in=enrolments).order_by("issued_at"):
        certificates[certificate.enrolment_id] = certificate
    for enrolment in enrolments:
        enrolment.certificate = certificates.get(enrolment.pk)
    return enrolments


def remind(*, manager, enrolment_id, now=None):
    """Queue "your manager reminds you" for one enrolment of the manager's people. At most once a
    day per enrolment: the outbox key names the enrolment and the day.
    Returns (sent, when the last reminder went, enrolment); LookupError for an enrolment not theirs."""
    now = now or timezone.now()
    enrolment = (Enrolment.objects.filter(pk=enrolment_id, learner__in=direct_reports(manager=manager))
                 .select_related("course", "learner").first())
    if enrolment is None:
        raise LookupError(enrolment_id)
    if enrolment.status != EnrolmentStatus.ACTIVE:
        raise AutomationError(_("%(name)s has finished or left “%(course)s”: there is nothing to remind them of.")
                              % {"name": enrolment.learner.display_name, "course": enrolment.course.title})
    day = timezone.localdate(now)
    message = OutboxMessage(
        key=f"{_key_prefix(enrolment.pk)}{day:%Y%m%d}", recipient_id=enrolment.learner_id, kind=REMIND_KIND,
        created_at=now,
        payload={"enrolment": enrolment.pk, "course": enrolment.course_id, "course_title": enrolment.course.title,
                 "manager": manager.display_name, "progress": enrolment.progress,
                 "due_date": enrolment.due_date.isoformat() if enrolment.due_date else None},
    )
    if queue_messages([message]):
        transaction.on_commit(enqueue_delivery)
        return True, now, enrolment
    last = OutboxMessage.objects.filter(key__startswith=_key_prefix(enrolment.pk)).order_by("-created_at").first()
    return False, last.created_at if last else now, enrolment


def manager_notices(*, manager, days=30):
    """The manager's recent escalations and their latest weekly digest, shown on the team page."""
    since = timezone.now() - timedelta(days=days)
    escalations = list(Notification.objects.filter(recipient=manager, kind="escalation.overdue", created_at__gte=since)
                       .order_by("-created_at")[:20])
    digest = Notification.objects.filter(recipient=manager, kind="digest.team").order_by("-created_at").first()
    return escalations, digest


def export(*, manager, fmt):
    """The team's enrolments as CSV or XLSX: (content, content type, file name)."""
    if fmt not in CONTENT_TYPES:
        raise AutomationError(_("Choose CSV or XLSX."))
    rows = [(_("Person"), _("Email"), _("Team"), _("Course"), _("Status"), _("Progress (%)"), _("Due date"),
             _("Overdue"), _("Completed"), _("Last activity"))]
    for e in team_enrolments(manager=manager):
        rows.append((
            e.learner.display_name, e.learner.email, str(e.learner.team or ""), e.course.title, e.get_status_display(),
            e.progress, e.due_date.isoformat() if e.due_date else "", _("yes") if e.overdue else _("no"),
            timezone.localtime(e.completed_at).date().isoformat() if e.completed_at else "",
            timezone.localtime(e.last_activity_at).date().isoformat() if e.last_activity_at else "",
        ))
    content = to_csv(rows) if fmt == "csv" else to_xlsx(rows, title=_("Team learning"))
    return content, CONTENT_TYPES[fmt], f"guild-team-{timezone.localdate().isoformat()}.{fmt}"

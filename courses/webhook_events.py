"""The events courses send to receiving systems (guild.webhooks): a course completed, a certificate
issued, an enrolment overdue. Emitted after the transaction that made them commits."""

from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from guild.webhooks import events
from guild.webhooks.services import emit

from . import signals

COURSE_COMPLETED = "course.completed"
CERTIFICATE_ISSUED = "certificate.issued"
ENROLMENT_OVERDUE = "enrolment.overdue"

events.register(COURSE_COMPLETED, label=_("Course completed"))
events.register(CERTIFICATE_ISSUED, label=_("Certificate issued"))
events.register(ENROLMENT_OVERDUE, label=_("Enrolment overdue"))


def enrolment_data(enrolment) -> dict:
    learner = enrolment.learner
    return {
        "enrolment": enrolment.pk, "course": enrolment.course_id, "course_title": enrolment.course.title,
        "learner": learner.email, "learner_employee_id": learner.employee_id or None, "status": enrolment.status,
        "due_date": enrolment.due_date, "completed_at": enrolment.completed_at,
    }


@receiver(signals.course_completed, dispatch_uid="webhooks-course-completed")
def on_course_completed(sender, enrolment, certificate=None, **kwargs):
    emit(COURSE_COMPLETED, occurrence=f"{enrolment.pk}:{enrolment.completed_at.isoformat() if enrolment.completed_at else ''}",
         data=enrolment_data(enrolment))
    if certificate is not None:
        emit(CERTIFICATE_ISSUED, occurrence=certificate.code, data={
            **enrolment_data(enrolment), "certificate": certificate.pk, "code": certificate.code,
            "issued_at": certificate.issued_at, "expires_at": certificate.expires_at,
        })


def emit_overdue(enrolments) -> int:
    """One `enrolment.overdue` per enrolment and due date, however often it is called."""
    return sum(emit(ENROLMENT_OVERDUE, occurrence=f"{e.pk}:{e.due_date.isoformat()}", data=enrolment_data(e))
               for e in enrolments)


OVERDUE_LOOKBACK_DAYS = 7  # a sweep missed for a few days still reports what fell overdue meanwhile
BATCH = 500


def sweep_overdue(*, today=None) -> int:
    """Emit `enrolment.overdue` for active enrolments whose due date passed in the last week. Idempotent
    (the outbox key is per enrolment and due date), so it runs as often as the beat likes."""
    from datetime import timedelta

    from django.utils import timezone

    from guild.webhooks.models import WebhookEndpoint

    from .models.enrolment import Enrolment, EnrolmentStatus

    if not WebhookEndpoint.objects.filter(is_active=True, events__contains=[ENROLMENT_OVERDUE]).exists():
        return 0
    today = today or timezone.localdate()
    overdue = (Enrolment.objects.filter(status=EnrolmentStatus.ACTIVE, due_date__lt=today,
                                        due_date__gte=today - timedelta(days=OVERDUE_LOOKBACK_DAYS))
               .select_related("learner", "course").order_by("pk"))
    emitted, last = 0, 0
    while batch := list(overdue.filter(pk__gt=last)[:BATCH]):
        emitted += emit_overdue(batch)
        last = batch[-1].pk
    return emitted

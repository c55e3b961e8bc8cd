import calendar
import secrets
from datetime import datetime

from django.utils import timezone

from guild.events.models import Verb
from guild.events.services import record_event

from ..models.certificates import Certificate


def add_months(moment: datetime, months: int) -> datetime:
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def issue_certificate(*, enrolment, issued_at=None):
    issued_at = issued_at or timezone.now()
    months = enrolment.course.certificate_validity_months
    certificate = Certificate.objects.create(
        enrolment=enrolment, learner=enrolment.learner, course=enrolment.course,
        code=secrets.token_hex(8).upper(), issued_at=issued_at,
        expires_at=add_months(issued_at, months) if months else None,
    )
    record_event(
        actor=enrolment.learner, verb=Verb.CERTIFIED, object_type="certificate", object_id=certificate.code,
        object_name=enrolment.course.title, course_id=enrolment.course_id,
        result={"expires": certificate.expires_at.isoformat() if certificate.expires_at else None}, timestamp=issued_at,
    )
    return certificate

"""Certificate renewal: ahead of a certificate's expiry, re-open its enrolment and tell the person."""

import logging
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from courses import services as courses_services
from courses.models import Certificate, EnrolmentStatus
from guild.core.sweeps import batch_size as default_batch_size
from guild.notifications.models import OutboxMessage
from guild.notifications.tasks import enqueue_delivery
from guild.notifications.timing import send_time, zone

from .models import ReminderPolicy

logger = logging.getLogger(__name__)


def sweep_renewals(*, now=None, batch_size=None, enqueue=True) -> dict:
    """Ahead of a certificate's expiry, re-open its enrolment (due on the expiry date, in the
    person's time zone) and tell the person. The outbox key and the renewal commit together,
    so each certificate is renewed and announced once."""
    now = now or timezone.now()
    batch_size = batch_size or default_batch_size()
    policy = ReminderPolicy.get()
    newer = Certificate.objects.filter(enrolment=OuterRef("enrolment"), issued_at__gt=OuterRef("issued_at"))
    expiring = Certificate.objects.filter(
        revoked_at__isnull=True, expires_at__gt=now, expires_at__lte=now + timedelta(days=policy.renewal_days_before),
        enrolment__status=EnrolmentStatus.COMPLETED, learner__is_active=True,  # no renewal for the offboarded
    ).exclude(Exists(newer))
    counts = {"renewed": 0, "skipped": 0, "batches": 0}
    last = 0
    while True:
        batch = list(expiring.filter(pk__gt=last).order_by("pk").select_related("enrolment", "course", "learner")[:batch_size])
        if not batch:
            break
        last = batch[-1].pk
        counts["batches"] += 1
        done = set(OutboxMessage.objects.filter(key__in=[f"renewal:{c.pk}" for c in batch]).values_list("key", flat=True))
        for certificate in batch:
            key = f"renewal:{certificate.pk}"
            if key in done:
                continue
            learner = certificate.learner
            due = certificate.expires_at.astimezone(zone(learner.timezone)).date()
            try:
                with transaction.atomic():
                    OutboxMessage.objects.create(
                        key=key, recipient=learner, kind="renewal", mandatory=certificate.course.is_mandatory,
                        send_after=send_time(now, learner.timezone, policy.send_from_hour, policy.send_until_hour),
                        payload={"course": certificate.course_id, "course_title": certificate.course.title,
                                 "due_date": due.isoformat(), "expires": due.isoformat(), "certificate": certificate.pk},
                    )
                    courses_services.renew_enrolment(enrolment=certificate.enrolment, due_date=due)
            except IntegrityError:
                continue  # another sweep renewed it a moment ago
            except Exception:  # noqa: BLE001
                logger.exception("renewal sweep: skipped certificate %s", certificate.pk)
                counts["skipped"] += 1
                continue
            counts["renewed"] += 1
        if counts["renewed"] and enqueue:
            enqueue_delivery()
    logger.info("renewal sweep: %(renewed)s renewed, %(skipped)s skipped", counts)
    return counts

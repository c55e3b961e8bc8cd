"""The L&D sign-off step: the optional last step of the course review workflow (a stock Wagtail
`GroupApprovalTask` for the L&D admin group, `setup.py`), off by default (docs/peer-review.md says
why). When a workflow has it, it is treated like a review: L&D admins are told when a course
reaches it, the authors are told their course passed peer review and waits for it, the workspace
shows it, and the SLA sweep chases L&D once it is late (`sweep_signoff`)."""

import logging
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import GroupApprovalTask, TaskState

from courses.automation.models import ReminderPolicy
from courses.models import CoursePage
from guild.notifications.models import OutboxMessage
from guild.notifications.services import notify, queue_messages
from guild.notifications.tasks import enqueue_delivery
from guild.notifications.timing import send_time
from guild.people.models import User
from guild.people.roles import Role

from . import conf
from .selectors import course_of
from .services import notify_authors

log = logging.getLogger(__name__)


def is_signoff(task) -> bool:
    return type(task.specific) is GroupApprovalTask


def signoff_due(task_state):
    return task_state.started_at + timedelta(days=conf.review_days())


def signoff_started(*, task_state):
    """A course reached L&D sign-off: tell the L&D admins (what to do, by when) and the authors."""
    course = course_of(task_state)
    if course is None:
        return
    edit_url = reverse("wagtailadmin_pages:edit", args=[course.pk])
    due = timezone.localdate(signoff_due(task_state)).isoformat()

    def tell():
        for admin in User.objects.filter(is_active=True, groups__name=Role.LD_ADMIN).distinct():
            notify(
                recipient=admin, kind="review.signoff",
                title=lambda: _("“%(course)s” waits for your L&D sign-off") % {"course": course.title},
                body=lambda: _("Peer review approved it. Sign it off (or request changes) by %(due)s.") % {"due": due},
                url=edit_url, dedupe_key=f"review.signoff:{task_state.pk}",
            )
        notify_authors(
            course=course, kind="review.signoff_waiting",
            title=lambda: _("“%(course)s” passed peer review and waits for L&D sign-off") % {"course": course.title},
            body=lambda: _("An L&D admin signs it off by %(due)s; it is published then.") % {"due": due},
            url=reverse("sme:review:course", args=[course.pk]), key=f"review.signoff_waiting:{task_state.pk}",
        )

    transaction.on_commit(tell)


def open_signoffs():
    """Sign-off steps in progress (TaskStates of a stock group approval task)."""
    return TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS, task__content_type__app_label="wagtailcore",
        task__content_type__model="groupapprovaltask",
    )


def sweep_signoff(*, now=None, batch_size=200, enqueue=True) -> dict:
    """Remind every L&D admin once of each sign-off past its due date (outbox keys make it once)."""
    now = now or timezone.now()
    policy = ReminderPolicy.get()
    late_before = now - timedelta(days=conf.review_days())
    admins = list(User.objects.filter(groups__name=Role.LD_ADMIN, is_active=True).values_list("pk", "timezone"))
    counts = {"queued": 0, "batches": 0}
    last = 0
    while admins:
        rows = list(
            open_signoffs().filter(started_at__lte=late_before, pk__gt=last).order_by("pk")
            .values("pk", "started_at", "workflow_state__object_id")[:batch_size]
        )
        if not rows:
            break
        last = rows[-1]["pk"]
        counts["batches"] += 1
        titles = dict(
            CoursePage.objects.filter(pk__in=[int(r["workflow_state__object_id"]) for r in rows]).values_list("pk", "title")
        )
        messages = []
        for row in rows:
            course_id = int(row["workflow_state__object_id"])
            if course_id not in titles:
                continue
            payload = {"course": course_id, "course_title": titles[course_id],
                       "due_at": (row["started_at"] + timedelta(days=conf.review_days())).isoformat()}
            for admin_id, tz_name in admins:
                messages.append(OutboxMessage(
                    key=f"review:signoff:{row['pk']}:{admin_id}", recipient_id=admin_id, kind="review.signoff_late",
                    payload=payload, send_after=send_time(now, tz_name, policy.send_from_hour, policy.send_until_hour),
                ))
        new = queue_messages(messages)
        counts["queued"] += len(new)
        if new and enqueue:
            enqueue_delivery()
    log.info("sign-off SLA sweep: %(queued)s queued in %(batches)s batches", counts)
    return counts

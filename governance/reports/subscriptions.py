"""Report subscriptions: subscribe, unsubscribe, and the sweep that queues each period's email.

The sweep writes one outbox message per subscription and period, keyed "report:<id>:<period>", so the
unique key, not the schedule, makes each email go out exactly once. Whether the person may still see
the report is checked when the sweep runs and again when the email is sent (message_kinds): someone
who lost access gets nothing, and their subscription is paused with the reason."""

import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from governance.reports import catalogue
from governance.reports.models import Frequency, ReportSubscription
from guild.notifications.services import NewMessage, insert_new_messages

logger = logging.getLogger(__name__)
KIND = "report"  # the outbox message kind of a report email
BATCH = 500
FORMATS = ("csv", "xlsx")


@dataclass
class Result:
    subscription: ReportSubscription | None = None
    error: str = ""


def clean_params(params):
    """The report's filters from a query string: non-empty values only, without the page number."""
    return {k: str(v)[:200] for k, v in (params or {}).items() if v not in ("", None) and k != "page"}


def subscribe(*, subscriber, report, target, params, frequency, file_format="xlsx"):
    """Subscribe `subscriber` to a report they may see now, with its filters. Returns a Result whose
    `error` says, in words, why nothing was saved."""
    kind = catalogue.get(report)
    if kind is None:
        return Result(error=_("There is no such report."))
    if frequency not in Frequency.values:
        return Result(error=_("Choose every week or every month."))
    if file_format not in FORMATS:
        return Result(error=_("Choose CSV or Excel for the attachment."))
    if not kind.can_see(subscriber, target):
        return Result(error=_("You cannot see this report, so you cannot subscribe to it."))
    params = clean_params(params)
    try:
        kind.check(target, params)
    except catalogue.ReportGone as exc:
        return Result(error=str(exc) or _("This report or its filters name nothing."))
    try:
        with transaction.atomic():
            sub = ReportSubscription.objects.create(subscriber=subscriber, report=report, target=str(target)[:80],
                                                    params=params, frequency=frequency, file_format=file_format)
    except IntegrityError:
        return Result(error=_("You already receive this report at that frequency."))
    return Result(subscription=sub)


def unsubscribe(*, subscriber, subscription_id):
    """Delete the subscriber's own subscription; True if there was one."""
    return ReportSubscription.objects.filter(pk=subscription_id, subscriber=subscriber).delete()[0] > 0


def resume(*, subscriber, subscription_id):
    """Resume a paused subscription, if the person may see the report again. Returns a Result."""
    sub = ReportSubscription.objects.filter(pk=subscription_id, subscriber=subscriber).first()
    if sub is None:
        return Result(error=_("There is no such subscription."))
    kind = catalogue.get(sub.report)
    if kind is None or not kind.can_see(subscriber, sub.target):
        return Result(subscription=sub, error=_("You still cannot see this report."))
    sub.paused_at, sub.paused_reason = None, ""
    sub.save(update_fields=["paused_at", "paused_reason"])
    return Result(subscription=sub)


def pause(sub, reason):
    ReportSubscription.objects.filter(pk=sub.pk, paused_at__isnull=True).update(
        paused_at=timezone.now(), paused_reason=str(reason)[:200])
    logger.info("report subscription %s paused: %s", sub.pk, reason)


def still_allowed(sub):
    """'' when the subscriber may still receive the report; otherwise why not (and it is paused)."""
    kind = catalogue.get(sub.report)
    reason = ""
    if kind is None:
        reason = _("This report no longer exists.")
    elif not sub.subscriber.is_active or not kind.can_see(sub.subscriber, sub.target):
        reason = _("You can no longer see this report.")
    else:
        try:
            kind.check(sub.target, sub.params)
        except catalogue.ReportGone:
            reason = _("Its filters name a team or course that no longer exists.")
    if reason:
        pause(sub, reason)
    return reason


def queue_due_reports(*, today=None):
    """Queue this period's email of every active subscription not sent yet. Returns how many were queued
    and how many subscriptions were paused."""
    today = today or timezone.localdate()
    queued = paused = 0
    last = 0
    while True:
        batch = list(ReportSubscription.objects.filter(paused_at__isnull=True, pk__gt=last)
                     .select_related("subscriber").order_by("pk")[:BATCH])
        if not batch:
            break
        last = batch[-1].pk
        messages = []
        for sub in batch:
            if still_allowed(sub):
                paused += 1
                continue
            messages.append(NewMessage(key=sub.outbox_key(today), recipient_id=sub.subscriber_id, kind=KIND,
                                       payload={"subscription": sub.pk, "period": sub.period_key(today)},
                                       mandatory=False, send_after=timezone.now()))
        queued += insert_new_messages(messages)
    logger.info("report emails: %s queued, %s subscriptions paused", queued, paused)
    return {"queued": queued, "paused": paused}

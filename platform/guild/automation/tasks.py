"""Celery tasks: thin wrappers around the services. Each takes ids or nothing, is idempotent
(outbox keys, the enrolment constraint) and logs its counts."""

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(name="guild.automation.deliver_outbox", ignore_result=True)
def deliver_outbox(batch_size=None, lease_seconds=None):
    from guild.notifications.delivery import deliver_outbox as deliver

    return deliver(batch_size=batch_size, lease_seconds=lease_seconds)


@shared_task(name="guild.automation.sweep_reminders", ignore_result=True)
def sweep_reminders(batch_size=None):
    from . import reminders

    return reminders.sweep_reminders(batch_size=batch_size)


@shared_task(name="guild.automation.sweep_renewals", ignore_result=True)
def sweep_renewals(batch_size=None):
    from . import services

    return services.sweep_renewals(batch_size=batch_size)


@shared_task(name="guild.automation.sweep_review_slas", ignore_result=True)
def sweep_review_slas(batch_size=None):
    from . import reviews

    return reviews.sweep_review_slas(batch_size=batch_size)


@shared_task(name="guild.automation.sweep_digests", ignore_result=True)
def sweep_digests(batch_size=None):
    from . import digests

    return digests.sweep_digests(batch_size=batch_size)


@shared_task(name="guild.automation.sweep_all", ignore_result=True)
def sweep_all():
    """The periodic sweep: every kind of message that may be due now. One failing sweep is logged
    and does not stop the others; the next tick runs it again."""
    from . import digests, reminders, reviews, services

    for sweep in (services.sweep_renewals, reminders.sweep_reminders, reviews.sweep_review_slas, digests.sweep_digests):
        try:
            sweep()
        except Exception:  # noqa: BLE001
            logger.exception("%s failed; the next sweep resumes it", sweep.__name__)


@shared_task(name="guild.automation.run_rules", ignore_result=True)
def run_rules(rule_id=None, trigger="schedule"):
    from . import services
    from .models import EnrolmentRule

    if rule_id is None:
        return len(services.run_rules(trigger=trigger))
    rule = EnrolmentRule.objects.select_related("course", "path", "team").filter(pk=rule_id, is_active=True).first()
    if rule is not None:
        services.apply_rule(rule=rule, trigger=trigger)


@shared_task(name="guild.automation.run_rules_for_person", ignore_result=True)
def run_rules_for_person(user_id):
    from . import services
    from .models import RuleRun

    return len(services.run_rules(trigger=RuleRun.Trigger.PERSON, user_id=user_id))


@shared_task(name="guild.automation.prune_rule_runs", ignore_result=True)
def prune_rule_runs():
    """Daily: delete old rule runs, keeping each rule's latest. Safe to run twice or to kill mid-way."""
    from . import housekeeping

    return housekeeping.prune_rule_runs()

"""Celery tasks: thin wrappers around the services. Each takes ids or nothing, is idempotent
(the enrolment constraint, outbox keys) and logs its counts."""

from celery import shared_task

from . import housekeeping, rules
from .models import EnrolmentRule, RuleRun


@shared_task(name="courses.automation.run_rules", ignore_result=True)
def run_rules(rule_id=None, trigger="schedule"):
    if rule_id is None:
        return len(rules.run_rules(trigger=trigger))
    rule = EnrolmentRule.objects.select_related("course", "path", "team").filter(pk=rule_id, is_active=True).first()
    if rule is not None:
        rules.apply_rule(rule=rule, trigger=trigger)


@shared_task(name="courses.automation.run_rules_for_person", ignore_result=True)
def run_rules_for_person(user_id):
    return len(rules.run_rules(trigger=RuleRun.Trigger.PERSON, user_id=user_id))


@shared_task(name="courses.automation.prune_rule_runs", ignore_result=True)
def prune_rule_runs():
    """Daily: delete old rule runs, keeping each rule's latest. Safe to run twice or to kill mid-way."""
    return housekeeping.prune_rule_runs()


@shared_task(name="courses.automation.webhooks_overdue", ignore_result=True)
def webhooks_overdue():
    """Hourly: tell receiving systems about enrolments that fell overdue (idempotent)."""
    from courses.webhook_events import sweep_overdue

    return sweep_overdue()

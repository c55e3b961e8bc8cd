"""Rules run when a person joins, changes team or gets a hire date: a User save enqueues one task with the id.
A completed course sends the learner a notice (through the outbox, so their preferences apply)."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_init, post_save

from courses import signals as courses_signals
from guild.core.background import enqueue
from guild.notifications.services import queue_messages
from guild.notifications.tasks import enqueue_delivery

from .message_kinds import course_completed_message
from .models import EnrolmentRule
from .tasks import run_rules_for_person


def _remember_team(sender, instance, **kwargs):
    instance._automation_team_id = instance.__dict__.get("team_id")
    instance._automation_hire_date = instance.__dict__.get("hire_date")


def _person_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    # A new team, or a hire date HR just set (new-hire rules), can put the person in a rule's audience.
    if (not created and instance.team_id == getattr(instance, "_automation_team_id", None)
            and instance.__dict__.get("hire_date") == getattr(instance, "_automation_hire_date", None)):
        return
    instance._automation_team_id = instance.team_id
    instance._automation_hire_date = instance.__dict__.get("hire_date")
    user_id = instance.pk

    def run_rules_later():
        if not EnrolmentRule.objects.filter(is_active=True).exists():
            return
        # Broker down: logged, and the scheduled rule run catches this person up.
        enqueue(run_rules_for_person, user_id)

    transaction.on_commit(run_rules_later)


def _course_completed(sender, enrolment, certificate=None, **kwargs):
    # Sent after commit: the row is queued once (its key names this completion) and sent soon.
    if queue_messages([course_completed_message(enrolment, certificate)]):
        enqueue_delivery()


def connect():
    courses_signals.course_completed.connect(_course_completed, dispatch_uid="automation_course_completed")
    User = get_user_model()
    post_init.connect(_remember_team, sender=User, dispatch_uid="automation_remember_team")
    post_save.connect(_person_saved, sender=User, dispatch_uid="automation_person_saved")

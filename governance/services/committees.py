"""Committees, their meetings, decisions and action items. Every write is an L&D admin's, except that
an action's owner may close or reopen it."""

from django.utils import timezone

from governance.models.committees import (
    ActionItem,
    ActionStatus,
    Cadence,
    Committee,
    Decision,
    Meeting,
)
from governance.permissions import require_ld_admin
from governance.services.double_submit import create_once, update
from guild.people.roles import Role


def create_committee(*, by, kind, name, purpose="", cadence=Cadence.MONTHLY, chair=None, members=()):
    """A new committee; sent twice, it is created once (its name is unique)."""
    require_ld_admin(by)
    fields = {"kind": kind, "name": name, "purpose": purpose, "cadence": cadence, "chair": chair}
    return create_once(by=by, model=Committee, fields=fields, related={"members": members},
                       candidates=lambda: Committee.objects.filter(name=name)[:1], unique_name="name")


def update_committee(*, by, committee, kind, name, purpose="", cadence=Cadence.MONTHLY, chair=None, members=()):
    require_ld_admin(by)
    fields = {"kind": kind, "name": name, "purpose": purpose, "cadence": cadence, "chair": chair}
    return update(committee, fields=fields, related={"members": members})


def record_meeting(*, by, committee, held_on, agenda, minutes=""):
    require_ld_admin(by)
    # A double submit records the meeting once.
    meeting, _ = Meeting.objects.get_or_create(committee=committee, held_on=held_on, agenda=agenda,
                                               defaults={"minutes": minutes})
    return meeting


def record_decision(*, by, meeting, text, initiative=None):
    require_ld_admin(by)
    text = text.strip()
    # A double submit records the decision once.
    decision, _ = Decision.objects.get_or_create(meeting=meeting, text=text, defaults={"initiative": initiative})
    return decision


def add_action(*, by, meeting, title, owner, due_on):
    require_ld_admin(by)
    action, _ = ActionItem.objects.get_or_create(meeting=meeting, title=title.strip(), owner=owner, defaults={"due_on": due_on})
    return action


def may_set_action_status(*, by, action) -> bool:
    """L&D admins, or the action's owner, close or reopen an action."""
    return action.owner_id == by.pk or by.has_role(Role.LD_ADMIN)


def set_action_status(*, by, action, status):
    if not may_set_action_status(by=by, action=action):
        require_ld_admin(by)
    action.status = status
    action.completed_at = timezone.now() if status == ActionStatus.DONE else None
    action.save(update_fields=["status", "completed_at"])
    return action

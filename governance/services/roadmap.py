"""Mission, goals, initiatives, committees, meetings, decisions and action items.

Every write here is an L&D admin's; the check lives in `require_ld_admin`, called by each service."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from guild.people.roles import Role

from ..models import ActionItem, ActionStatus, Decision, Meeting, Mission


def require_ld_admin(user):
    if not (user and user.is_authenticated and user.has_role(Role.LD_ADMIN)):
        raise PermissionDenied("Only L&D admins change governance data.")


def save_mission(*, by, statement, talent="", performance="", productivity=""):
    """A new version of the mission; the history is kept."""
    require_ld_admin(by)
    current = Mission.objects.first()
    if current and (current.statement, current.talent, current.performance, current.productivity) == (
        statement, talent, performance, productivity
    ):
        return current  # a double submit, or nothing changed: no new version
    return Mission.objects.create(statement=statement, talent=talent, performance=performance, productivity=productivity,
                                  updated_by=by)


def save_model(*, by, form):
    """Save a validated ModelForm for a governance object (goal, initiative, committee, KPI)."""
    require_ld_admin(by)
    with transaction.atomic():
        return form.save()


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


def set_action_status(*, by, action, status):
    """L&D admins, or the action's owner, close or reopen an action."""
    if action.owner_id != by.pk:
        require_ld_admin(by)
    action.status = status
    action.completed_at = timezone.now() if status == ActionStatus.DONE else None
    action.save(update_fields=["status", "completed_at"])
    return action

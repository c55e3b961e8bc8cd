"""Mission, goals, initiatives, committees, meetings, decisions and action items.

Every write here is an L&D admin's; the check lives in `require_ld_admin`, called by each service."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from governance.models.committees import ActionItem, ActionStatus, Committee, Decision, Meeting
from governance.models.kpis import KPIDefinition
from governance.models.roadmap import BusinessGoal, Initiative, Mission
from guild.people.roles import Role


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


# A create repeated within this window with the same values is a double submit. Goals, committees and
# KPIs have a unique name, so for them any identical row counts (they carry no creation time).
DOUBLE_SUBMIT_WINDOW = timedelta(minutes=10)
_UNIQUE_NAME = {BusinessGoal: "title", Committee: "name", KPIDefinition: "slug"}


def save_model(*, by, form):
    """Create or update a governance object (goal, initiative, committee, KPI) from a bound ModelForm.

    Returns the saved object, or None when the form is invalid (its errors are on the form). A create that
    repeats one just made (a double click, a resent POST) returns the existing object and creates nothing."""
    require_ld_admin(by)
    if not form.instance._state.adding:
        if not form.is_valid():
            return None
        with transaction.atomic():
            return form.save()
    with transaction.atomic():
        # Lock the admin's row so that the second request of a double click waits for the first to commit.
        get_user_model().objects.select_for_update().only("pk").get(pk=by.pk)
        repeated = _repeat_of(form)
        if repeated is not None:
            return repeated
        if not form.is_valid():
            return None
        try:
            with transaction.atomic():
                return form.save()
        except IntegrityError:
            # Another admin created the same unique name a moment ago.
            name = _UNIQUE_NAME.get(form._meta.model)
            if name is None:
                raise
            repeated = _repeat_of(form)
            if repeated is None:
                form.add_error(name, _("Someone saved this name a moment ago: choose another one."))
            return repeated


def _repeat_of(form):
    """The existing object this create submission repeats: same values in every field of the form."""
    model = form._meta.model
    if model in _UNIQUE_NAME:
        name = _UNIQUE_NAME[model]
        value = _submitted(form, name)
        candidates = model.objects.filter(**{name: value})[:1] if value else []
    elif model is Initiative:
        title = _submitted(form, "title")
        candidates = Initiative.objects.filter(
            title=title, created_at__gte=timezone.now() - DOUBLE_SUBMIT_WINDOW
        ).order_by("-id")[:5] if title else []
    else:
        return None
    for candidate in candidates:
        # The same form bound to the candidate: unchanged means every submitted value equals the row's.
        if not type(form)(data=form.data, files=form.files, instance=candidate, prefix=form.prefix).has_changed():
            return candidate
    return None


def _submitted(form, name):
    try:
        return form.fields[name].clean(form[name].data)
    except ValidationError:
        return None


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

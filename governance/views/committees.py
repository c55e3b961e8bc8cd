"""Committees, their meetings, and the decisions and action items recorded at each meeting."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from governance.forms import ActionForm, CommitteeForm, DecisionForm, MeetingForm
from governance.models.committees import ActionItem, ActionStatus, Committee, Meeting
from governance.permissions import LD, READERS, require_ld_admin
from governance.selectors import roadmap as roadmap_selectors
from governance.services import committees as committee_services
from governance.views.editing import form_page
from guild.core.permissions import role_required
from guild.people.roles import Role


@role_required(*READERS)
def committee_list(request):
    return render(request, "governance/committees.html", {
        "committees": roadmap_selectors.committees(), "overdue": roadmap_selectors.overdue_actions(limit=50),
        "can_edit": request.user.has_role(Role.LD_ADMIN),
    })


@role_required(*READERS)
def committee_detail(request, pk):
    committee = get_object_or_404(Committee.objects.select_related("chair").prefetch_related("members"), pk=pk)
    meetings = committee.meetings.prefetch_related("decisions__initiative", "actions__owner")
    is_admin = request.user.has_role(Role.LD_ADMIN)
    return render(request, "governance/committee.html", {
        "committee": committee, "meetings": meetings, "can_edit": is_admin,
        "meeting_form": MeetingForm(initial={"held_on": timezone.localdate()}) if is_admin else None,
    })


@role_required(*LD)
def committee_edit(request, pk=None):
    committee = get_object_or_404(Committee, pk=pk) if pk else None
    save = (partial(committee_services.update_committee, by=request.user, committee=committee) if committee else
            partial(committee_services.create_committee, by=request.user))
    return form_page(request, CommitteeForm(request.POST or None, instance=committee), save=save,
                     success_url=lambda o: reverse("governance:committee", args=[o.pk]),
                     heading=_("Edit committee") if committee else _("New committee"))


@role_required(*LD)
@require_POST
def meeting_create(request, pk):
    committee = get_object_or_404(Committee, pk=pk)
    form = MeetingForm(request.POST)
    if form.is_valid():
        meeting = committee_services.record_meeting(by=request.user, committee=committee, **form.cleaned_data)
        messages.success(request, _("Meeting recorded. Add its decisions and actions."))
        return redirect("governance:meeting", pk=meeting.pk)
    messages.error(request, _("Give the meeting a date and an agenda."))
    return redirect("governance:committee", pk=committee.pk)


@role_required(*READERS)
def meeting_detail(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("committee"), pk=pk)
    is_admin = request.user.has_role(Role.LD_ADMIN)
    decision_form = DecisionForm(request.POST or None, prefix="decision") if is_admin else None
    action_form = ActionForm(request.POST or None, prefix="action") if is_admin else None
    if request.method == "POST":
        require_ld_admin(request.user)
        if "decision-text" in request.POST and decision_form.is_valid():
            committee_services.record_decision(by=request.user, meeting=meeting, **decision_form.cleaned_data)
            messages.success(request, _("Decision recorded."))
            return redirect("governance:meeting", pk=meeting.pk)
        if "action-title" in request.POST and action_form.is_valid():
            committee_services.add_action(by=request.user, meeting=meeting, **action_form.cleaned_data)
            messages.success(request, _("Action added."))
            return redirect("governance:meeting", pk=meeting.pk)
        # Show only the errors of the form that was sent.
        if "decision-text" not in request.POST:
            decision_form = DecisionForm(prefix="decision")
        if "action-title" not in request.POST:
            action_form = ActionForm(prefix="action")
    return render(request, "governance/meeting.html", {
        "meeting": meeting, "decisions": meeting.decisions.select_related("initiative"),
        "actions": meeting.actions.select_related("owner"), "can_edit": is_admin,
        "decision_form": decision_form, "action_form": action_form, "action_statuses": ActionStatus.choices,
    })


@login_required
@require_POST
def action_status(request, pk):
    action = get_object_or_404(ActionItem, pk=pk)
    if not committee_services.may_set_action_status(by=request.user, action=action):
        require_ld_admin(request.user)  # refused before the input is read
    status = request.POST.get("status")
    if status not in ActionStatus.values:
        messages.error(request, _("Choose one of the listed statuses."))
    else:
        committee_services.set_action_status(by=request.user, action=action, status=status)
        messages.success(request, _("Action updated."))
    return redirect("governance:meeting", pk=action.meeting_id)

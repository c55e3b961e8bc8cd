"""The mission with its business goals, and the roadmap of initiatives."""

from functools import partial

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from governance.forms import GoalForm, InitiativeForm, MissionForm
from governance.models.roadmap import BusinessGoal, Initiative
from governance.permissions import LD, READERS
from governance.selectors import roadmap as roadmap_selectors
from governance.services import roadmap as roadmap_services
from governance.views.editing import form_page
from guild.core.permissions import role_required
from guild.people.roles import Role


@role_required(*READERS)
def mission(request):
    return render(request, "governance/mission.html", {
        "mission": roadmap_selectors.current_mission(),
        "goals": BusinessGoal.objects.select_related("owner"),
        "can_edit": request.user.has_role(Role.LD_ADMIN),
    })


@role_required(*LD)
def mission_edit(request):
    current = roadmap_selectors.current_mission()
    initial = {f: getattr(current, f) for f in ("statement", "talent", "performance", "productivity")} if current else None
    form = MissionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        roadmap_services.save_mission(by=request.user, **form.cleaned_data)
        messages.success(request, _("Mission saved."))
        return redirect("governance:mission")
    return render(request, "governance/form.html", {"form": form, "heading": _("Edit the L&D mission")})


@role_required(*LD)
def goal_edit(request, pk=None):
    goal = get_object_or_404(BusinessGoal, pk=pk) if pk else None
    save = (partial(roadmap_services.update_goal, by=request.user, goal=goal) if goal else
            partial(roadmap_services.create_goal, by=request.user))
    return form_page(request, GoalForm(request.POST or None, instance=goal), save=save,
                     success_url=lambda o: reverse("governance:mission"),
                     heading=_("Edit business goal") if goal else _("New business goal"))


@role_required(*READERS)
def roadmap(request):
    initiatives, months = roadmap_selectors.roadmap()
    return render(request, "governance/roadmap.html", {
        "initiatives": initiatives, "months": months, "can_edit": request.user.has_role(Role.LD_ADMIN),
        "today": roadmap_selectors.today_marker(months), "rows": len(initiatives) + 1,
    })


@role_required(*READERS)
def initiative_detail(request, pk):
    initiative = get_object_or_404(
        Initiative.objects.select_related("goal", "owner", "team").prefetch_related("courses", "paths", "needs", "kpis"), pk=pk
    )
    return render(request, "governance/initiative.html", {
        "initiative": initiative, "decisions": initiative.decisions.select_related("meeting__committee"),
        "can_edit": request.user.has_role(Role.LD_ADMIN),
    })


@role_required(*LD)
def initiative_edit(request, pk=None):
    initiative = get_object_or_404(Initiative, pk=pk) if pk else None
    save = (partial(roadmap_services.update_initiative, by=request.user, initiative=initiative) if initiative else
            partial(roadmap_services.create_initiative, by=request.user))
    return form_page(request, InitiativeForm(request.POST or None, instance=initiative), save=save,
                     success_url=lambda o: reverse("governance:initiative", args=[o.pk]),
                     heading=_("Edit initiative") if initiative else _("New initiative"))

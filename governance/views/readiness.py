"""The people behind a readiness heatmap cell: L&D admins for any team, managers for their own."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from governance.selectors.readiness import can_see_team, people_behind_cell
from guild.people.models import Team
from guild.skills.models import Skill


@login_required
def readiness_people(request):
    team = get_object_or_404(Team, slug=str(request.GET.get("team") or "")[:255])
    skill = get_object_or_404(Skill, slug=str(request.GET.get("skill") or "")[:255])
    if not can_see_team(user=request.user, team=team):
        raise PermissionDenied
    people = people_behind_cell(team=team, skill=skill)
    met = sum(1 for p in people if p.meets)
    return render(request, "governance/readiness_people.html", {
        "team": team, "skill": skill, "people": people, "met": met,
        "pct": round(100 * met / len(people)) if people else None,
    })

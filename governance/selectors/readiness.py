"""The people behind a cell of the readiness heatmap, and who may see them."""

from django.db.models import OuterRef, Prefetch, Subquery

from governance.selectors.charts import readiness_chart
from governance.selectors.skills import coverage
from guild.people.models import User
from guild.people.roles import Role
from guild.people.selectors import teams_managed_by
from guild.skills.models import PersonSkill, RoleSkillRequirement


def can_see_team(*, user, team) -> bool:
    """L&D admins see everyone; a manager the teams they manage and their sub-teams."""
    if user.has_role(Role.LD_ADMIN):
        return True
    return user.has_role(Role.MANAGER) and teams_managed_by(user=user).filter(pk=team.pk).exists()


def people_behind_cell(*, team, skill) -> list:
    """The active people of `team` (the heatmap's row: its own members) whose job role requires `skill`,
    each with `required_level` and `held` (their PersonSkill, or None), people below the level first.
    Two queries, however many people: the heatmap cell's `met` of `required` counts exactly these."""
    required = RoleSkillRequirement.objects.filter(job_role=OuterRef("job_role"), skill=skill).values("level")[:1]
    held = PersonSkill.objects.filter(skill=skill).select_related("validated_by", "skill")
    people = list(
        User.objects.filter(team=team, is_active=True, job_role__requirements__skill=skill)
        .annotate(required_level=Subquery(required))
        .select_related("job_role")
        .prefetch_related(Prefetch("skills", queryset=held, to_attr="held_levels"))
        .order_by("first_name", "last_name", "email")
    )
    for person in people:
        person.held = person.held_levels[0] if person.held_levels else None
        person.meets = person.held is not None and person.held.level >= person.required_level
    people.sort(key=lambda p: p.meets)  # stable: the gaps first, by name
    return people


def heatmap_for_manager(*, manager):
    """The readiness heatmap of the teams `manager` manages (sub-teams included). Four queries."""
    team_ids = list(teams_managed_by(user=manager).values_list("pk", flat=True))
    chart = readiness_chart(coverage(by_team=True, team_ids=team_ids))
    chart.linked = True
    return chart

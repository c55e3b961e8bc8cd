"""The mission, business goals and initiatives. Every write is an L&D admin's (`require_ld_admin`)."""

from governance.models.roadmap import BusinessGoal, Initiative, InitiativeStatus, Mission, Pillar
from governance.permissions import require_ld_admin
from governance.services.double_submit import create_once, recent, update


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


def _goal_fields(title, description, pillar, weight, owner, is_active):
    return {"title": title, "description": description, "pillar": pillar, "weight": weight, "owner": owner,
            "is_active": is_active}


def create_goal(*, by, title, description="", pillar=Pillar.PERFORMANCE, weight=3, owner=None, is_active=True):
    """A new business goal; sent twice, it is created once (its title is unique)."""
    require_ld_admin(by)
    return create_once(by=by, model=BusinessGoal, fields=_goal_fields(title, description, pillar, weight, owner, is_active),
                       candidates=lambda: BusinessGoal.objects.filter(title=title)[:1], unique_name="title")


def update_goal(*, by, goal, title, description="", pillar=Pillar.PERFORMANCE, weight=3, owner=None, is_active=True):
    require_ld_admin(by)
    return update(goal, fields=_goal_fields(title, description, pillar, weight, owner, is_active))


def _initiative_values(*, title, description, pillar, goal, owner, status, starts_on, ends_on, budget_planned,
                       budget_spent, courses, paths, needs, kpis, team=None):
    fields = {"title": title, "description": description, "pillar": pillar, "goal": goal, "owner": owner,
              "status": status, "starts_on": starts_on, "ends_on": ends_on, "budget_planned": budget_planned,
              "budget_spent": budget_spent, "team": team}
    return fields, {"courses": courses, "paths": paths, "needs": needs, "kpis": kpis}


def create_initiative(*, by, title, pillar, starts_on, ends_on, description="", goal=None, owner=None,
                      status=InitiativeStatus.PLANNED, budget_planned=0, budget_spent=0, courses=(), paths=(), needs=(),
                      kpis=(), team=None):
    """A new initiative; the same one sent again within a few minutes is created once. `team`: whose
    budget it is (None: the organisation's)."""
    require_ld_admin(by)
    fields, related = _initiative_values(
        title=title, description=description, pillar=pillar, goal=goal, owner=owner, status=status, starts_on=starts_on,
        ends_on=ends_on, budget_planned=budget_planned, budget_spent=budget_spent, courses=courses, paths=paths,
        needs=needs, kpis=kpis, team=team,
    )
    return create_once(by=by, model=Initiative, fields=fields, related=related,
                       candidates=lambda: recent(Initiative.objects.filter(title=title)))


def update_initiative(*, by, initiative, title, pillar, starts_on, ends_on, description="", goal=None, owner=None,
                      status=InitiativeStatus.PLANNED, budget_planned=0, budget_spent=0, courses=(), paths=(),
                      needs=(), kpis=(), team=None):
    require_ld_admin(by)
    fields, related = _initiative_values(
        title=title, description=description, pillar=pillar, goal=goal, owner=owner, status=status, starts_on=starts_on,
        ends_on=ends_on, budget_planned=budget_planned, budget_spent=budget_spent, courses=courses, paths=paths,
        needs=needs, kpis=kpis, team=team,
    )
    return update(initiative, fields=fields, related=related)

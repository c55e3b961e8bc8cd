from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from guild.core.navigation import HomePanel, NavGroup, NavItem
from guild.people.roles import Role

from .selectors import outbox_counts, team_overdue


@hooks.register("guild_nav_items")
def automation_nav_items():
    return [
        NavItem(_("My team"), "automation:team", roles=(Role.MANAGER,), order=60, group=NavGroup.MANAGE),
        NavItem(_("Enrolment rules"), "automation:rules", roles=(Role.LD_ADMIN, Role.EXECUTIVE), order=70,
                group=NavGroup.MANAGE),
        NavItem(_("Outbox"), "automation:outbox", roles=(Role.LD_ADMIN,), order=72, group=NavGroup.MANAGE),
    ]


@hooks.register("guild_home_panels")
def automation_home_panels(request):
    user = request.user
    panels = []
    if user.has_role(Role.MANAGER):
        overdue = list(team_overdue(manager=user, limit=5))
        panels.append(HomePanel(template="automation/home/_team.html", context={"overdue": overdue}, order=40))
    if user.has_role(Role.LD_ADMIN):
        panels.append(HomePanel(template="automation/home/_outbox.html", context={"counts": outbox_counts()}, order=80))
    return panels

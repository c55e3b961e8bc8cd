from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from governance.selectors.needs import priority_list
from governance.selectors.readiness import heatmap_for_manager
from governance.selectors.roadmap import overdue_actions
from guild.core.navigation import HomePanel, NavGroup, NavItem
from guild.people.roles import Role


@hooks.register("guild_nav_items")
def governance_nav_items():
    return [
        NavItem(_("Learning needs"), "governance:needs", order=40, group=NavGroup.COMMUNITY),
        NavItem(_("L&D dashboard"), "governance:dashboard", roles=(Role.LD_ADMIN,), order=65, group=NavGroup.MANAGE),
        NavItem(_("Executive summary"), "governance:summary", roles=(Role.EXECUTIVE,), order=66, group=NavGroup.MANAGE),
    ]


@hooks.register("guild_home_panels")
def governance_home_panels(request):
    panels = [HomePanel(template="governance/home/_needs.html", context={"top": priority_list(limit=3)}, order=40)]
    if request.user.has_role(Role.LD_ADMIN):
        panels.append(HomePanel(template="governance/home/_overdue_actions.html",
                                context={"actions": list(overdue_actions(limit=5))}, order=15))
    if request.user.has_role(Role.MANAGER):
        # Managers drill into their own teams' readiness (L&D reads it on the dashboard).
        panels.append(HomePanel(template="governance/home/_readiness.html",
                                context={"chart": heatmap_for_manager(manager=request.user)}, order=45))
    return panels

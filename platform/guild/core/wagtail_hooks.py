from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from guild.people.roles import ADMIN_ROLES

from .navigation import HomePanel, NavGroup, NavItem


@hooks.register("guild_nav_items")
def core_nav_items():
    return [
        NavItem(_("Home"), "home", order=0),
        NavItem(_("Authoring (CMS)"), "wagtailadmin_home", roles=ADMIN_ROLES, order=90, group=NavGroup.CONTRIBUTE),
    ]


@hooks.register("guild_home_panels")
def role_welcome_panels(request):
    return [HomePanel(template="core/home/_roles.html", context={"roles": sorted(request.user.role_names)}, order=0)]


from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from guild.core.navigation import NavGroup, NavItem
from guild.people.roles import Role


@hooks.register("guild_nav_items")
def skills_nav_items():
    return [
        NavItem(_("My skills"), "skills:mine", order=25, group=NavGroup.LEARN),
        NavItem(_("Skill levels to validate"), "skills:to_validate", roles=(Role.MANAGER,), order=61,
                group=NavGroup.MANAGE),
        NavItem(_("Required skill levels"), "skills:requirements", roles=(Role.LD_ADMIN,), order=67,
                group=NavGroup.MANAGE),
    ]

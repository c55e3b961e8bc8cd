from django.contrib.auth.views import redirect_to_login
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



@hooks.register("before_serve_document")
def documents_are_for_signed_in_people(document, request):
    """Course documents are the company's internal material: Wagtail would serve them to anyone who
    guesses /documents/<id>/<name>."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None

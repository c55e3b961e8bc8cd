"""The site navigation and the home page are assembled from Wagtail hooks, so each
feature app contributes its own entries from its wagtail_hooks.py:

    @hooks.register("guild_nav_items")
    def nav():
        return [NavItem(_("Courses"), "courses:catalogue", roles=None, order=10)]

    @hooks.register("guild_home_panels")
    def panels(request):
        return [HomePanel(template="courses/home/_my_learning.html", context={...}, order=10)]
"""

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks


class NavGroup:
    """The menus of the header. An item without a group stands on its own."""

    LEARN = _("Learn")
    COMMUNITY = _("Community")
    CONTRIBUTE = _("Contribute")
    MANAGE = _("Manage")


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: tuple | None = None  # None: every signed-in person
    order: int = 100
    url_kwargs: dict = field(default_factory=dict)
    group: str | None = None

    def url(self):
        return reverse(self.url_name, kwargs=self.url_kwargs or None)


@dataclass
class HomePanel:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


def nav_items_for(request):
    """The header menu for this person: entries they may use, in menus ordered by their first entry."""
    user = request.user
    if not user.is_authenticated:
        return []
    path = request.path
    menus = {}
    for hook in hooks.get_hooks("guild_nav_items"):
        for item in hook():
            if item.roles is not None and not user.has_role(*item.roles):
                continue
            try:
                url = item.url()
            except NoReverseMatch:
                continue
            key = str(item.group) if item.group else f"item:{url}"
            menu = menus.setdefault(key, {"label": str(item.group or item.label), "order": item.order, "items": []})
            menu["order"] = min(menu["order"], item.order)
            menu["items"].append(
                {"order": item.order, "label": str(item.label), "url": url,
                 "current": url == path or (url != "/" and path.startswith(url))}
            )
    # Only the deepest match is the current page: on /learning/paths/ that is "Learning paths", not
    # "My learning" (/learning/) too.
    current = [i for m in menus.values() for i in m["items"] if i["current"]]
    deepest = max((len(i["url"]) for i in current), default=0)
    for item in current:
        item["current"] = len(item["url"]) == deepest
    result = []
    for key, menu in sorted(menus.items(), key=lambda kv: (kv[1]["order"], kv[1]["label"])):
        menu["items"].sort(key=lambda i: (i["order"], i["label"]))
        menu["is_group"] = not key.startswith("item:")
        menu["current"] = any(i["current"] for i in menu["items"])
        menu["id"] = "nav-" + "".join(c for c in menu["label"].lower() if c.isalnum())
        result.append(menu)
    return result


def home_panels_for(request):
    panels = []
    for hook in hooks.get_hooks("guild_home_panels"):
        panels.extend(hook(request) or [])
    panels.sort(key=lambda p: p.order)
    return panels

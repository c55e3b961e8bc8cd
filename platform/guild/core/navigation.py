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
from wagtail import hooks


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: tuple | None = None  # None: every signed-in person
    order: int = 100
    url_kwargs: dict = field(default_factory=dict)

    def url(self):
        return reverse(self.url_name, kwargs=self.url_kwargs or None)


@dataclass
class HomePanel:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


def nav_items_for(request):
    user = request.user
    if not user.is_authenticated:
        return []
    items = []
    for hook in hooks.get_hooks("guild_nav_items"):
        for item in hook():
            if item.roles is not None and not user.has_role(*item.roles):
                continue
            try:
                url = item.url()
            except NoReverseMatch:
                continue
            items.append((item.order, str(item.label), url))
    items.sort()
    path = request.path
    return [
        {"label": label, "url": url, "current": url != "/" and path.startswith(url) or url == path}
        for _, label, url in items
    ]


def home_panels_for(request):
    panels = []
    for hook in hooks.get_hooks("guild_home_panels"):
        panels.extend(hook(request) or [])
    panels.sort(key=lambda p: p.order)
    return panels

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from guild.core.navigation import HomePanel, NavItem

from . import selectors
from .models import Badge


@hooks.register("guild_nav_items")
def rewards_nav_items():
    return [
        NavItem(_("My rewards"), "rewards:mine", order=60),
        NavItem(_("Leaderboards"), "rewards:leaderboard", order=61),
        NavItem(_("Kudos"), "rewards:kudos", order=62),
    ]


@hooks.register("guild_home_panels")
def rewards_home_panels(request):
    person = request.user
    return [HomePanel(
        template="rewards/home/_points.html",
        context={"balance": selectors.balance_for(person=person), "badges": list(selectors.recent_badges(person=person, limit=3))},
        order=30,
    )]


class BadgeViewSet(SnippetViewSet):
    model = Badge
    icon = "pick"
    menu_label = _("Badges")
    add_to_admin_menu = True
    menu_order = 400
    list_display = ["name", "criterion", "is_active"]
    list_filter = ["criterion", "is_active"]
    search_fields = ["name", "description"]


register_snippet(BadgeViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def backfill_badge_after_save(request, instance):
    """People who already meet a new or edited badge's criteria get it, in the background."""
    if isinstance(instance, Badge) and instance.is_active:
        from django.db import transaction

        from .tasks import backfill_badge

        transaction.on_commit(lambda: backfill_badge.delay(instance.pk))

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from guild.core.background import enqueue_on_commit
from guild.core.navigation import HomePanel, NavGroup, NavItem
from guild.people.roles import Role
from guild.people.selectors import teams_managed_by

from . import selectors
from .models import Badge, Period, Track
from .tasks import backfill_badge


@hooks.register("guild_nav_items")
def rewards_nav_items():
    return [
        NavItem(_("My rewards"), "rewards:mine", order=12, group=NavGroup.LEARN),
        NavItem(_("Leaderboards"), "rewards:leaderboard", order=44, group=NavGroup.COMMUNITY),
        NavItem(_("Kudos"), "rewards:kudos", order=43, group=NavGroup.COMMUNITY),
    ]


@hooks.register("guild_home_panels")
def rewards_home_panels(request):
    person = request.user
    panels = [HomePanel(
        template="rewards/home/_points.html",
        context={"balance": selectors.balance_for(person=person), "badges": list(selectors.recent_badges(person=person, limit=3))},
        order=30,
    )]
    if person.has_role(Role.MANAGER):
        team = teams_managed_by(user=person).order_by("path").first()
        if team is not None:
            board = selectors.leaderboard(track=Track.LEARNER, period=Period.MONTH, team=team, viewer=person, size=5)
            panels.append(HomePanel(template="rewards/home/_team_board.html", context={"board": board}, order=31))
    return panels


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
        enqueue_on_commit(backfill_badge, instance.pk)

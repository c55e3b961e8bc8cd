"""Wagtail's users app with Guild's people screens, installed instead of wagtail.users. Its own module,
so that guild.people's apps.py keeps one AppConfig (Django's default for the app)."""

from wagtail.users.apps import WagtailUsersAppConfig


class PeopleAdminConfig(WagtailUsersAppConfig):
    """No superuser or password fields for L&D admins: see guild.people.wagtail_users."""

    user_viewset = "guild.people.wagtail_users.PersonViewSet"

from django.conf import settings

from .navigation import nav_items_for


def guild(request):
    user = getattr(request, "user", None)
    unread = 0
    if user is not None and user.is_authenticated:
        unread = user.notifications.filter(read_at__isnull=True).count()
    return {
        "guild_nav": nav_items_for(request) if user is not None else [],
        "unread_notifications": unread,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }

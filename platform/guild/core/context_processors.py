from django.conf import settings

from .navigation import nav_items_for


def guild(request):
    user = getattr(request, "user", None)
    unread = 0
    if user is not None and user.is_authenticated:
        # Wagtail's admin renders this processor more than once a page: count once per request.
        if not hasattr(request, "_guild_unread"):
            request._guild_unread = user.notifications.filter(read_at__isnull=True).count()
        unread = request._guild_unread
    return {
        "guild_nav": nav_items_for(request) if user is not None else [],
        "unread_notifications": unread,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path, register_converter
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from guild.core import media as core_media
from guild.core import views as core_views
from guild.core.api_errors import api_not_found
from guild.core.safe_input import IdConverter, PageIdConverter
from guild.sso import views as sso_views

# Before the apps' URLconfs below are read: they use <id:…> and <page_id:…>.
register_converter(IdConverter, "id")
register_converter(PageIdConverter, "page_id")

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    # allauth's SAML assertion consumer behind Guild's replay guard (guild.sso.views)
    path("accounts/saml/<str:organization_slug>/acs/", sso_views.saml_acs, name="guild_saml_acs"),
    path("accounts/", include("allauth.urls")),
    path("me/", include("guild.people.urls")),
    path("notifications/", include("guild.notifications.urls")),
    path("api/", include("guild.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    re_path(r"^api/", api_not_found),  # after every API URL: a 404 in the API's own error shape
    path("scim/v2/", include("guild.scim.urls")),
    path("cms/logout/", core_views.admin_logout),  # before Wagtail's own: see the view
    path("cms/failwhale/", core_views.not_found),  # Wagtail's deliberate 500, for no one in Guild
    path("cms/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    # Feature apps own their URL prefixes.
    path("", include("courses.urls")),
    path("", include("sme.urls")),
    path("", include("governance.urls")),
    path("", include("rewards.urls")),
    path("", include("courses.automation.urls")),
    path("", include("courses.skill_levels.urls")),
    path("", include("courses.scorm.urls")),
]

if settings.GUILD_SERVE_MEDIA:
    # Public images, renditions and avatars from local disk, with DEBUG on or off (guild.core.media).
    urlpatterns += [
        path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", core_media.serve_public, name="media"),
    ]

# Wagtail serves the course pages (/courses/...) last, as the catch-all.
urlpatterns += [path("", include(wagtail_urls))]

handler403 = "guild.core.views.permission_denied"
handler404 = "guild.core.views.page_not_found"
handler500 = "guild.core.views.server_error"

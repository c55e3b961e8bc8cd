from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .services.importing import can_import


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_urls")
def scorm_admin_urls():
    return [path("scorm/import/", admin_views.upload, name="scorm_import")]


@hooks.register("register_admin_menu_item")
def scorm_import_menu_item():
    return ImportMenuItem(_("Import SCORM"), reverse("scorm_import"), icon_name="upload", order=160)

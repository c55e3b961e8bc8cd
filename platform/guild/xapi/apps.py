from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class XapiConfig(AppConfig):
    name = "guild.xapi"
    label = "xapi"
    verbose_name = _("xAPI")

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        from . import outbox

        outbox.connect()
        # Each feature app maps its own object types to xAPI activity types in its xapi_activities.py.
        autodiscover_modules("xapi_activities")

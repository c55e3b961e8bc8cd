from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "guild.webhooks"
    label = "webhooks"
    verbose_name = _("Webhooks")

    def ready(self):
        # Each app declares the events it emits in its webhook_events.py (see events.py).
        autodiscover_modules("webhook_events")

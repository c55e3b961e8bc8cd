from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AutomationConfig(AppConfig):
    """Enrolment rules, reminder policy and the scheduled sweeps that chase people for L&D."""

    name = "guild.automation"
    label = "automation"
    verbose_name = _("Automation")

    def ready(self):
        from . import signals
        from .messages import register_kinds

        register_kinds()
        signals.connect()

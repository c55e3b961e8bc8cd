from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AutomationConfig(AppConfig):
    """Enrolment rules, the reminder policy, and the sweeps that chase learners for L&D.

    The app label stays "automation" (its tables and migrations predate the move into courses)."""

    name = "courses.automation"
    label = "automation"
    verbose_name = _("Automation")

    def ready(self):
        from . import signals  # needs the models, which load after this module

        signals.connect()

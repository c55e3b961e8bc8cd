from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Reports behind the L&D figures, and the report emails people subscribe to."""

    name = "governance.reports"
    label = "governance_reports"
    verbose_name = _("Reports")
    default_auto_field = "django.db.models.BigAutoField"

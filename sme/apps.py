from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SmeConfig(AppConfig):
    name = "sme"
    verbose_name = _("Experts")

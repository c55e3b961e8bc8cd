import mimetypes

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from guild.celery import ensure_broker_folders


class CoreConfig(AppConfig):
    name = "guild.core"
    label = "core"
    verbose_name = _("Guild core")

    def ready(self):
        from . import signals, wagtail_fixes  # need the models, which load after this module

        wagtail_fixes.apply()
        # Lesson video captions are served as documents: browsers want WebVTT as text/vtt.
        mimetypes.add_type("text/vtt", ".vtt")

        post_migrate.connect(signals.ensure_site_tree, sender=self)
        # Features register their sweeps in their own sweeps.py (see guild.core.sweeps).
        autodiscover_modules("sweeps")
        # The embedded broker needs its folders before web, worker or beat touch it.
        ensure_broker_folders()

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "guild.core"
    label = "core"
    verbose_name = _("Guild core")

    def ready(self):
        from . import signals

        post_migrate.connect(signals.ensure_site_tree, sender=self)

        # The embedded broker needs its folders before web, worker or beat touch it.
        from guild.celery import ensure_broker_folders

        ensure_broker_folders()

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RewardsConfig(AppConfig):
    name = "rewards"
    verbose_name = _("Rewards")

    def ready(self):
        from . import receivers, setup  # they import models: only once the app registry is ready

        receivers.connect()
        # After migrate and after a flush (transactional tests): L&D admins may edit badges and point values.
        post_migrate.connect(setup.after_migrate, sender=self, dispatch_uid="rewards.setup")

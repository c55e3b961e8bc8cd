from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "guild.people"
    label = "people"
    verbose_name = _("People and teams")

    def ready(self):
        from . import signals  # needs the models, which load after this module

        # After migrate and after flush (transactional tests), roles exist again.
        post_migrate.connect(signals.ensure_roles_after_migrate, sender=self)

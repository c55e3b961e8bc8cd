from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _

from courses import discussion_spaces

from .community import COMMUNITY_SPACE, community_members, is_community_member

# Inline imports below: this module loads before the app registry is ready, and they import models.


def _after_migrate(sender, **kwargs):
    from .media_scope import backfill_revision_media
    from .setup import ensure_all

    ensure_all()
    backfill_revision_media()


def _catalogue_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .setup import ensure_authoring_permissions

        ensure_authoring_permissions(instance)


class SmeConfig(AppConfig):
    name = "sme"
    verbose_name = _("Experts")

    def ready(self):
        from courses.models import CataloguePage

        from . import receivers  # noqa: F401

        # The authors' community threads are courses threads: courses asks sme who may take part.
        discussion_spaces.register(COMMUNITY_SPACE, can_take_part=is_community_member, members=community_members)

        # Every app: the permissions it grants need content types made by later apps.
        post_migrate.connect(_after_migrate, dispatch_uid="sme.setup")
        post_save.connect(_catalogue_created, sender=CataloguePage, dispatch_uid="sme.catalogue_created")

from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def _after_migrate(sender, **kwargs):
    # setup imports models, and this module loads before the app registry is ready.
    from .setup import ensure_all

    ensure_all()


def _catalogue_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .setup import ensure_review_workflow  # see _after_migrate

        ensure_review_workflow(instance)


class ReviewConfig(AppConfig):
    """The peer-review workflow: a Wagtail Task subclass, reviewer assignment and review SLAs."""

    name = "governance.review"
    label = "review"
    verbose_name = _("Peer review")

    def ready(self):
        # Models and receivers can only be imported once the app registry is ready.
        from courses.models import CataloguePage

        from . import receivers  # noqa: F401

        post_migrate.connect(_after_migrate, sender=self, dispatch_uid="review.setup")
        post_save.connect(_catalogue_created, sender=CataloguePage, dispatch_uid="review.catalogue_created")

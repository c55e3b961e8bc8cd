from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    """The peer-review workflow: a Wagtail Task subclass, reviewer assignment and review SLAs."""

    name = "governance.review"
    label = "review"
    verbose_name = _("Peer review")

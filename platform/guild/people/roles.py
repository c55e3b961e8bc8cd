"""The platform roles. Each is a Django group created by migration people.0002."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    LEARNER = "Learner", _("Learner")
    EXPERT = "Expert", _("Expert")
    REVIEWER = "Reviewer", _("Reviewer")
    MANAGER = "Manager", _("Manager")
    LD_ADMIN = "L&D admin", _("L&D admin")
    EXECUTIVE = "Executive", _("Executive")


# Roles that work in the Wagtail admin (/cms/).
ADMIN_ROLES = (Role.EXPERT, Role.REVIEWER, Role.LD_ADMIN)

"""The notices skills send: a level to validate (to a manager), a level validated or adjusted (to the person)."""

from django.utils.translation import gettext_lazy as _

from guild.notifications import kinds
from guild.people.roles import Role

from .assessment import KIND_REVIEWED, KIND_TO_VALIDATE

kinds.register(KIND_TO_VALIDATE, label=_("Skill levels to validate"),
               description=_("One of your people assessed a skill, or a course proposed a level."),
               roles=(Role.MANAGER, Role.LD_ADMIN))
kinds.register(KIND_REVIEWED, label=_("Your skill levels"),
               description=_("Your manager validated or adjusted one of your skill levels."))

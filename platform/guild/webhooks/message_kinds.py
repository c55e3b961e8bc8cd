"""Webhook deliveries ride the notifications outbox as their own kind, sent by deliver()."""

from django.utils.translation import gettext_lazy as _

from guild.notifications import kinds

from .services import KIND, deliver

kinds.register(KIND, label=_("Webhook delivery"), optional=False, roles=("no-one",), deliver=deliver)

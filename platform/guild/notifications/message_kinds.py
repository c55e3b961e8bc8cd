"""The account emails allauth sends (see account_mail.py) ride the outbox as their own kind."""

from django.utils.translation import gettext_lazy as _

from . import kinds
from .account_mail import KIND, deliver

# Not on the preferences page (no role holds "no-one"): nobody turns off their own password reset.
kinds.register(KIND, label=_("Account email (password reset, address confirmation, sign-in code)"), optional=False,
               roles=("no-one",), deliver=deliver, secret=True)

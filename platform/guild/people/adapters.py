from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.conf import settings
from django.utils.translation import gettext as _


class GuildAccountAdapter(DefaultAccountAdapter):
    """Sign-up may be closed, or limited to the company's email domains (GUILD_SIGNUP_DOMAINS)."""

    def is_open_for_signup(self, request):
        return settings.GUILD_SIGNUP_OPEN

    def clean_email(self, email):
        email = super().clean_email(email).lower()
        domains = settings.GUILD_SIGNUP_DOMAINS
        if domains and email.rsplit("@", 1)[-1] not in domains:
            raise forms.ValidationError(
                _("Use your company email address (%(domains)s).") % {"domains": ", ".join(domains)}
            )
        return email

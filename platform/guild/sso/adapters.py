"""allauth adapters for single sign-on; the rules themselves are in guild.sso.services."""

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.providers.base.constants import AuthError
from django import forms
from django.shortcuts import render

from guild.notifications.account_mail import OutboxAccountMail
from guild.people.adapters import GuildAccountAdapter

from . import services as sso

SSO_SESSION_KEY = "guild_sso"  # how this session signed in, for single logout


class GuildSSOAccountAdapter(OutboxAccountMail, GuildAccountAdapter):
    """Addresses in GUILD_SSO_REQUIRED_DOMAINS sign in through SSO only, bar the break-glass admins.
    allauth's emails go through the outbox (OutboxAccountMail), never over SMTP inside the request."""

    def clean_email(self, email):
        email = super().clean_email(email)
        # Only the sign-up form: allauth also cleans the address an identity provider sends this way.
        match = getattr(self.request, "resolver_match", None)
        refusal = sso.password_sign_in_refusal(email) if match and match.url_name == "account_signup" else None
        if refusal:
            raise forms.ValidationError(refusal)
        return email

    def pre_authenticate(self, request, **credentials):
        refusal = sso.password_sign_in_refusal(credentials.get("email") or credentials.get("username") or "")
        if refusal:
            raise forms.ValidationError(refusal)
        return super().pre_authenticate(request, **credentials)

    def get_logout_redirect_url(self, request):
        """After a SAML sign-in, signing out of Guild goes on to the IdP's single logout, when it has one.
        (allauth asks for this URL before it signs the person out, so the session still says how.)"""
        if request.user.is_authenticated:
            slo_url = sso.saml_logout_url(request, request.session.get(SSO_SESSION_KEY) or {})
            if slo_url:
                return slo_url
        return super().get_logout_redirect_url(request)


def _enforce_signed_assertions(app):
    """Every SAML app requires signed assertions and strict checks, whatever its settings say."""
    if app is not None and app.provider == "saml":
        advanced = {**app.settings.get("advanced", {}), "want_assertion_signed": True, "strict": True}
        app.settings = {**app.settings, "advanced": advanced}
    return app


class GuildSocialAccountAdapter(DefaultSocialAccountAdapter):
    """Single sign-on through the organisation's identity providers: just-in-time accounts."""

    def is_open_for_signup(self, request, sociallogin):
        return True  # the organisation's identity provider vouches for its people

    def list_apps(self, request, provider=None, client_id=None):
        return [_enforce_signed_assertions(app) for app in super().list_apps(request, provider, client_id)]

    def get_app(self, request, provider, client_id=None):
        return _enforce_signed_assertions(super().get_app(request, provider, client_id))

    def authenticate_by_email(self, sociallogin):
        # The provider vouches for the address, so a person already in Guild is linked, not duplicated.
        for address in sociallogin.email_addresses:
            address.verified = True
        return super().authenticate_by_email(sociallogin)

    def pre_social_login(self, request, sociallogin):
        mapping = sso.Mapping.from_settings(sociallogin.account.get_provider(request).app.settings)
        try:
            sso.check_sign_in(email=sociallogin.user.email, mapping=mapping)
        except sso.SSORefused as refused:
            raise ImmediateHttpResponse(refusal_page(request, refused.message)) from None
        for address in sociallogin.email_addresses:
            address.verified = True
        provider = sociallogin.account.get_provider(request)
        request.session[SSO_SESSION_KEY] = {
            "provider": provider.app.provider, "slug": provider.app.client_id, "name_id": sociallogin.account.uid,
        }
        if sociallogin.is_existing:
            claims = sso.claims_of(sociallogin.account.extra_data)
            sso.apply_claims(user=sociallogin.user, mapping=mapping, claims=claims)

    def save_user(self, request, sociallogin, form=None):
        user = super().save_user(request, sociallogin, form)
        mapping = sso.Mapping.from_settings(sociallogin.account.get_provider(request).app.settings)
        sso.apply_claims(user=user, mapping=mapping, claims=sso.claims_of(sociallogin.account.extra_data))
        return user

    def on_authentication_error(self, request, provider, error=None, exception=None, extra_context=None):
        if error == AuthError.CANCELLED:
            return
        reason = (extra_context or {}).get("saml_last_error_reason") or (str(exception) if exception else "")
        raise ImmediateHttpResponse(refusal_page(request, sso.explain_provider_error(reason)))


def refusal_page(request, message, status=403):
    return render(request, "sso/refused.html", {"message": message}, status=status)

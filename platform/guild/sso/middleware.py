import re
from urllib.parse import urlsplit

from django.conf import settings

from .adapters import SSO_SESSION_KEY

PROVIDER_LOGIN = re.compile(r"^/accounts/(?:oidc/(?P<oidc>[^/]+)|saml/(?P<saml>[^/]+))/login/$")


def _origin(url):
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else None


def _app_origin(request, provider, key):
    from allauth.socialaccount.adapter import get_adapter
    from allauth.socialaccount.models import SocialApp

    adapter = get_adapter(request)
    try:
        if provider == "saml":
            app = adapter.get_app(request, provider="saml", client_id=key)
            idp = app.settings.get("idp") or {}
            return _origin(idp.get("sso_url") or idp.get("metadata_url")), _origin(idp.get("slo_url"))
        app = adapter.get_provider(request, provider=key).app
        return _origin(app.settings.get("server_url")), None
    except (SocialApp.DoesNotExist, SocialApp.MultipleObjectsReturned, LookupError, AttributeError):
        return None, None


class SSOFormActionMiddleware:
    """Guild's CSP allows forms to post to Guild only ("form-action 'self'"), and Chromium applies that
    to a form's redirects too. Signing in through an identity provider posts a form that redirects to
    the provider, and signing out of a SAML session redirects to the IdP's logout: those two pages
    get Guild's policy with the identity provider's origin added to form-action. Listed after
    ContentSecurityPolicyMiddleware, so its policy is set first and kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" in response or request.path.startswith(tuple(settings.GUILD_CSP_RELAXED_PATHS)):
            return response
        origins = set()
        match = PROVIDER_LOGIN.match(request.path)
        if match:
            sign_in, _ = _app_origin(request, "saml" if match["saml"] else "oidc", match["saml"] or match["oidc"])
            origins.add(sign_in)
        elif hasattr(request, "session") and (request.session.get(SSO_SESSION_KEY) or {}).get("provider") == "saml":
            _, logout = _app_origin(request, "saml", request.session[SSO_SESSION_KEY].get("slug"))
            origins.add(logout)
        origins.discard(None)
        if origins:
            extra = " ".join(sorted(origins))
            response["Content-Security-Policy"] = settings.GUILD_CSP.replace("form-action 'self'", f"form-action 'self' {extra}")
        return response

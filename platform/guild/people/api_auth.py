"""How machines sign in to /api/: `Authorization: Bearer <token>` with one of Wagtail's API tokens.

The token acts as its person (their roles decide what they may see) within its scopes: "read" for
GET, HEAD and OPTIONS, "write" for the rest. Its person's L&D admin role counts only with the "admin"
scope: an L&D admin's token without it sees and does what a plain person does (a BI tool that needs
only its owner's own records gets no organisation-wide access by accident). A deactivated person, or one whose email address is not
verified, gets no API access. HTTP Basic is not accepted: it would let a script guess passwords
beside the sign-in page's lock-out."""

from django.conf import settings
from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import SAFE_METHODS
from rest_framework.throttling import UserRateThrottle
from wagtail.models import APIToken

from .models import ApiScope
from .roles import Role
from .tokens import scopes_of

KEYWORD = b"bearer"


class BearerTokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != KEYWORD:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Send the header as “Authorization: Bearer <token>”.")
        plaintext = parts[1].decode("latin-1")
        if not APIToken.validate_token_format(plaintext):
            raise exceptions.AuthenticationFailed("This token is not valid.")
        token = (APIToken.objects.select_related("user", "guild_scopes")
                 .filter(key_hash__in=APIToken.candidate_key_hashes(plaintext), revoked_at__isnull=True).first())
        if token is None:
            raise exceptions.AuthenticationFailed("This token is not valid, or it was revoked.")
        user = token.user
        if not user.is_active or not user.emailaddress_set.filter(verified=True).exists():
            raise exceptions.AuthenticationFailed("This token's account is deactivated or its email is not verified.")
        needed = self.required_scope(request)
        if needed not in scopes_of(token):
            raise exceptions.PermissionDenied(f"This token lacks the “{needed}” scope.")
        if ApiScope.ADMIN not in scopes_of(token):
            user.withheld_roles = frozenset({Role.LD_ADMIN})
        self._touch(token)
        return user, token

    def required_scope(self, request) -> str:
        return ApiScope.READ if request.method in SAFE_METHODS else ApiScope.WRITE

    def authenticate_header(self, request):
        return 'Bearer realm="api"'

    @staticmethod
    def _touch(token):
        now = timezone.now()
        interval = getattr(settings, "WAGTAILAPI_TOKEN_LAST_USED_INTERVAL", 60)
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() >= interval:
            APIToken.objects.filter(pk=token.pk).update(last_used_at=now)


class PersonOrTokenRateThrottle(UserRateThrottle):
    """The "user" rate, counted per token for token requests (a shared HR account's tokens do not eat
    into one another's budget) and per person for the browser."""

    def get_cache_key(self, request, view):
        if isinstance(request.auth, APIToken):
            return self.cache_format % {"scope": self.scope, "ident": f"token-{request.auth.pk}"}
        return super().get_cache_key(request, view)


class BearerTokenScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI schema describes the bearer token (drf-spectacular finds it by its target)."""

    target_class = "guild.people.api_auth.BearerTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "A token from `manage.py api_token create`."}

"""Who may use /scim/v2/: a bearer token (guild.people.api_auth) that carries the "scim" scope.

A token with only "read" or "write" is refused (403); no token, a bad or a revoked one is 401. The
"scim" scope is the grant: an operator gives it to the identity provider's service account."""

from guild.people.api_auth import BearerTokenAuthentication
from guild.people.models import ApiScope


class ScimTokenAuthentication(BearerTokenAuthentication):
    def required_scope(self, request) -> str:
        return ApiScope.SCIM

    def authenticate_header(self, request):
        return 'Bearer realm="scim"'

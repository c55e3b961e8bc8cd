"""API tokens for people and service accounts (an HR system, a BI tool): Wagtail's own APIToken
(only an HMAC digest stored, shown once, revocable, last-used time) plus Guild's scopes. Made and
revoked here, by `manage.py api_token` and the API; Wagtail's admin lists and revokes them too."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import APIToken

from .models import ApiScope, TokenScopes
from .roles import Role


class TokenError(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def parse_scopes(text) -> list[str]:
    scopes = sorted({s.strip().lower() for s in str(text).split(",") if s.strip()})
    if not scopes or any(s not in ApiScope.values for s in scopes):
        raise TokenError(_("Scopes must be among %(known)s, comma-separated.") % {"known": ", ".join(ApiScope.values)})
    if {ApiScope.WRITE, ApiScope.ADMIN} & set(scopes) and ApiScope.READ not in scopes:
        scopes.append(ApiScope.READ)  # whoever may write, or act as an admin, may read
    return sorted(scopes)


@transaction.atomic
def create_token(*, user, name, scopes) -> tuple[APIToken, str]:
    """A new token for `user`; returns it with its plain text, which is never stored nor shown again."""
    name = (name or "").strip()
    if not name:
        raise TokenError(_("Give the token a name, e.g. the system that will use it."))
    if not user.is_active:
        raise TokenError(_("%(email)s is deactivated: a token for them would not work.") % {"email": user.email})
    scopes = parse_scopes(scopes)
    if ApiScope.ADMIN in scopes and not user.has_role(Role.LD_ADMIN):
        raise TokenError(_("%(email)s is not an L&D admin: the “admin” scope would give their token nothing.")
                         % {"email": user.email})
    if APIToken.objects.filter(user=user, name=name, revoked_at__isnull=True).exists():
        raise TokenError(_("%(email)s already has a token named “%(name)s”.") % {"email": user.email, "name": name})
    token, plaintext = APIToken.create_token(user=user, name=name[:255])
    TokenScopes.objects.create(token=token, scopes=",".join(scopes))
    return token, plaintext


def scopes_of(token) -> list[str]:
    row = getattr(token, "guild_scopes", None) if token.pk else None
    return row.scope_list if row else [ApiScope.READ]


def revoke_tokens(*, user, name=None) -> int:
    """Revoke `user`'s live tokens (those named `name`, or all: deactivation). Idempotent."""
    live = APIToken.objects.filter(user=user, revoked_at__isnull=True)
    if name is not None:
        live = live.filter(name=name)
    return live.update(revoked_at=timezone.now())

"""Single sign-on rules: who may sign in through an identity provider, and what their claims set.

The identity provider (an allauth SocialApp, OpenID Connect or SAML 2.0) is the source of truth for
a person's team, job role and Guild roles: the first sign-in creates the person (just in time), later
sign-ins bring them up to date. The admin's mapping lives in the app's settings under "guild":

    {"team": "department", "job_role": "title", "manager": "manager_email", "roles": "groups",
     "role_values": {"lnd-admins": "L&D admin"}, "email_domains": ["acme.com"]}

Each value names a claim (OIDC) or attribute (SAML). Only the roles named in role_values are managed
by the provider: a role an L&D admin granted by hand stays.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from guild.people.models import Team, User
from guild.people.roles import Role
from guild.skills.models import JobRole

logger = logging.getLogger(__name__)

MAPPED_FIELDS = ("team", "job_role", "manager", "roles")


class SSORefused(Exception):
    """A sign-in the organisation's rules refuse; `message` is shown to the person."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Mapping:
    team: str = ""
    job_role: str = ""
    manager: str = ""
    roles: str = ""
    role_values: tuple[tuple[str, str], ...] = ()
    email_domains: tuple[str, ...] = ()

    @classmethod
    def from_settings(cls, app_settings: dict) -> Mapping:
        raw = (app_settings or {}).get("guild") or {}
        return cls(
            **{f: str(raw.get(f) or "").strip() for f in MAPPED_FIELDS},
            role_values=tuple((str(k), str(v)) for k, v in (raw.get("role_values") or {}).items()),
            email_domains=tuple(d.strip().lower() for d in raw.get("email_domains") or [] if d.strip()),
        )

    def managed_roles(self) -> set[str]:
        return {role for _, role in self.role_values}


def claims_of(extra_data: dict) -> dict:
    """One flat dict of claims: OIDC's ID token overlaid with userinfo, or SAML's attributes."""
    if "userinfo" in extra_data or "id_token" in extra_data:
        return {**(extra_data.get("id_token") or {}), **(extra_data.get("userinfo") or {})}
    return dict(extra_data)


def _values(claims: dict, name: str) -> list[str]:
    if not name or claims.get(name) in (None, ""):
        return []
    value = claims[name]
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    if isinstance(value, str) and "," in value:
        return [v.strip() for v in value.split(",") if v.strip()]
    return [str(value).strip()]


def _first(claims: dict, name: str) -> str:
    values = _values(claims, name)
    return values[0] if values else ""


def required_domains() -> list[str]:
    return settings.GUILD_SSO_REQUIRED_DOMAINS


def is_break_glass(email: str) -> bool:
    return email.strip().lower() in settings.GUILD_SSO_BREAK_GLASS_EMAILS


def password_sign_in_refusal(email: str):
    """The message refusing a password sign-in for an address whose domain must use SSO, or None."""
    email = (email or "").strip().lower()
    domain = email.rsplit("@", 1)[-1]
    if "@" not in email or domain not in required_domains() or is_break_glass(email):
        return None
    return _(
        "%(domain)s addresses sign in with your organisation's single sign-on: "
        "choose it below the form instead of a password."
    ) % {"domain": domain}


def check_sign_in(*, email: str, mapping: Mapping) -> None:
    """Refuse an SSO sign-in that the organisation does not allow. Raises SSORefused."""
    email = (email or "").strip().lower()
    if "@" not in email:
        raise SSORefused(_("Your identity provider did not send an email address, so Guild cannot sign you in."))
    domain = email.rsplit("@", 1)[-1]
    allowed = mapping.email_domains or tuple(settings.GUILD_SIGNUP_DOMAINS)
    if allowed and domain not in allowed:
        raise SSORefused(
            _("%(email)s is not an address this organisation signs in with (%(domains)s).")
            % {"email": email, "domains": ", ".join(allowed)}
        )
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None and not existing.is_active:
        raise SSORefused(_("The account %(email)s is disabled. Ask your L&D team to reactivate it.") % {"email": email})


def _find_team(value: str):
    return Team.objects.filter(Q(slug__iexact=value) | Q(name__iexact=value)).first() if value else None


def _find_job_role(value: str):
    return JobRole.objects.filter(Q(slug__iexact=value) | Q(name__iexact=value)).first() if value else None


@transaction.atomic
def apply_claims(*, user: User, mapping: Mapping, claims: dict) -> list[str]:
    """Bring `user` in line with the provider's claims. Returns the names of what changed.

    Unknown teams and job roles are left alone (logged): the organisation tree is the L&D team's.
    The manager claim names the manager's email; Guild derives line managers from teams, so it
    records that person as the team's manager when the team has none, or, with no team claim, places
    the person in the team their manager manages.
    """
    changed = []
    team_name = _first(claims, mapping.team)
    team = _find_team(team_name)
    if team_name and team is None:
        logger.warning("SSO: no team matches %r for %s", team_name, user.email)
    manager_email = _first(claims, mapping.manager).lower()
    manager = User.objects.filter(email__iexact=manager_email, is_active=True).first() if manager_email else None
    if team is None and manager is not None and not mapping.team:
        team = manager.managed_teams.order_by("path").first()
    if team is not None and user.team_id != team.pk:
        user.team = team
        changed.append("team")
    if team is not None and manager is not None and manager.pk != user.pk and team.manager_id is None:
        team.manager = manager
        team.save(update_fields=["manager"])
        changed.append("manager")
    job_role_name = _first(claims, mapping.job_role)
    job_role = _find_job_role(job_role_name)
    if job_role_name and job_role is None:
        logger.warning("SSO: no job role matches %r for %s", job_role_name, user.email)
    if job_role is not None and user.job_role_id != job_role.pk:
        user.job_role = job_role
        changed.append("job_role")
    if changed:
        user.save()
    if mapping.roles and mapping.role_values:
        if _sync_roles(user, mapping, set(_values(claims, mapping.roles))):
            changed.append("roles")
    return changed


def _sync_roles(user: User, mapping: Mapping, idp_values: set[str]) -> bool:
    wanted = {role for value, role in mapping.role_values if value in idp_values}
    managed = mapping.managed_roles() & set(Role.values)
    groups = {g.name: g for g in Group.objects.filter(name__in=managed)}
    held = set(user.groups.filter(name__in=managed).values_list("name", flat=True))
    to_add = [groups[r] for r in wanted - held if r in groups]
    to_remove = [groups[r] for r in held - wanted if r in groups]
    if to_add:
        user.groups.add(*to_add)
    if to_remove:
        user.groups.remove(*to_remove)
    user.__dict__.pop("role_names", None)
    return bool(to_add or to_remove)


def explain_provider_error(reason: str):
    """A sentence for the person whose sign-in the identity provider's answer failed (python3-saml's
    reasons are technical, so the common ones are named; the reason itself is logged by allauth)."""
    text = (reason or "").lower()
    if "not signed" in text or "no signature" in text or "signature validation failed" in text:
        return _("Your organisation's sign-in answer was not signed by its identity provider, so Guild refused it.")
    if "expired" in text or "notonorafter" in text or "timestamp" in text:
        return _("Your organisation's sign-in answer has expired. Start the sign-in again.")
    if "audience" in text:
        return _("Your organisation's sign-in answer was meant for another service (wrong audience), so Guild refused it.")
    return _("Guild could not verify your organisation's sign-in answer, so you are not signed in. Try again, or ask your IT team.")


def _saml_ids(saml_response: str) -> list[str]:
    import base64
    import binascii

    from defusedxml import ElementTree

    try:
        root = ElementTree.fromstring(base64.b64decode(saml_response, validate=False))
    except (binascii.Error, ValueError, ElementTree.ParseError, Exception):  # noqa: BLE001 — allauth rejects it
        return []
    ids = [root.get("ID") or ""]
    ids += [a.get("ID") or "" for a in root.iter("{urn:oasis:names:tc:SAML:2.0:assertion}Assertion")]
    return [i for i in ids if i]


def first_use_of_saml_response(saml_response: str) -> bool:
    """Record a SAML response; False when the same response (same ids) came before: a replay."""
    import hashlib

    from django.db import IntegrityError

    from .models import UsedAssertion

    ids = _saml_ids(saml_response)
    if not ids:
        return True  # unreadable: python3-saml refuses it with its own reason
    key = hashlib.sha256("|".join(ids).encode()).hexdigest()
    try:
        with transaction.atomic():
            UsedAssertion.objects.create(key=key)
    except IntegrityError:
        return False
    return True


REPLAY_MESSAGE = _("This sign-in answer has already been used once. Start the sign-in again from Guild.")


def saml_logout_url(request, signed_in_with: dict):
    """The IdP's single logout URL (a signed-out LogoutRequest for this person), or None when the
    session did not come from a SAML IdP that has one."""
    if signed_in_with.get("provider") != "saml":
        return None
    from allauth.socialaccount.adapter import get_adapter
    from allauth.socialaccount.models import SocialApp
    from allauth.socialaccount.providers.saml.utils import build_auth
    from django.urls import reverse

    try:
        app = get_adapter(request).get_app(request, provider="saml", client_id=signed_in_with.get("slug"))
    except SocialApp.DoesNotExist:
        return None
    if not (app.settings.get("idp") or {}).get("slo_url"):
        return None
    auth = build_auth(request, app.get_provider(request))
    return auth.logout(return_to=request.build_absolute_uri(reverse("account_login")), name_id=signed_in_with.get("name_id"))

"""Open Badges 2.0 hosted verification: Issuer, BadgeClass and Assertion as JSON-LD.

Each document's `id` is its own public URL, so a verifier (e.g. the IMS validator or a
backpack) fetches the assertion, follows `badge` to the BadgeClass and `issuer` to the
Issuer, and checks the recipient's hashed email against the salted identity."""

import hashlib

from django.conf import settings
from django.urls import reverse

CONTEXT = "https://w3id.org/openbadges/v2"


def absolute(path: str) -> str:
    return settings.GUILD_BASE_URL.rstrip("/") + path


def issuer_url():
    return absolute(reverse("rewards:ob_issuer"))


def badge_class_url(badge):
    return absolute(reverse("rewards:ob_badge", args=[badge.slug]))


def assertion_url(award):
    return absolute(reverse("rewards:ob_assertion", args=[award.uid]))


def verification_page_url(award):
    return absolute(reverse("rewards:verify", args=[award.uid]))


def badge_image_path(badge):
    """The emblem's site-relative URL, for Guild's own pages."""
    if badge.image_id:
        return badge.image.file.url
    return reverse("rewards:emblem", args=[badge.slug])


def badge_image_url(badge):
    """The emblem's absolute URL, for the Open Badges documents other sites fetch."""
    url = badge_image_path(badge)
    return url if url.startswith(("http://", "https://")) else absolute(url)


def issuer():
    return {
        "@context": CONTEXT,
        "type": "Issuer",
        "id": issuer_url(),
        "name": getattr(settings, "WAGTAIL_SITE_NAME", "Guild"),
        "url": absolute("/"),
        "email": getattr(settings, "DEFAULT_FROM_EMAIL", "").rpartition("<")[2].rstrip(">") or None,
    }


def badge_class(badge):
    return {
        "@context": CONTEXT,
        "type": "BadgeClass",
        "id": badge_class_url(badge),
        "name": badge.name,
        "description": badge.description,
        "image": badge_image_url(badge),
        "criteria": {"narrative": str(badge.criteria_text())},
        "issuer": issuer_url(),
    }


def hashed_identity(email: str, salt: str) -> str:
    return "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()


def assertion(award):
    salt = award.uid.hex[:16]
    doc = {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": assertion_url(award),
        "recipient": {"type": "email", "hashed": True, "salt": salt, "identity": hashed_identity(award.person.email, salt)},
        "badge": badge_class_url(award.badge),
        "verification": {"type": "HostedBadge"},
        "issuedOn": award.awarded_at.isoformat(),
        "evidence": {"id": verification_page_url(award), "narrative": award.evidence or str(award.badge.criteria_text())},
    }
    if award.revoked_at:
        doc["revoked"] = True
        doc["revocationReason"] = award.revocation_reason or "Revoked by the issuer"
    return doc

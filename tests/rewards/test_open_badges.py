import hashlib

import pytest
from django.urls import reverse
from django.utils import timezone

from rewards.badges import grant_badge
from rewards.models import Badge, Criterion, Reason

pytestmark = pytest.mark.django_db


@pytest.fixture
def award(expert):
    badge = Badge.objects.create(
        name="Helpful expert", slug="helpful-expert", description="Answered ten questions.",
        criterion=Criterion.EVENT_COUNT, reason=Reason.QUESTION_ANSWERED, threshold=10,
    )
    return grant_badge(person=expert, badge=badge, evidence="10 answers")


def test_the_hosted_assertion_is_public_and_verifiable(client, award, expert, settings):
    response = client.get(reverse("rewards:ob_assertion", args=[award.uid]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    doc = response.json()
    assert doc["@context"] == "https://w3id.org/openbadges/v2"
    assert doc["type"] == "Assertion"
    assert doc["id"] == settings.GUILD_BASE_URL + reverse("rewards:ob_assertion", args=[award.uid])
    assert doc["verification"] == {"type": "HostedBadge"}
    recipient = doc["recipient"]
    assert recipient["hashed"] is True and recipient["type"] == "email"
    expected = "sha256$" + hashlib.sha256((expert.email + recipient["salt"]).encode()).hexdigest()
    assert recipient["identity"] == expected
    assert expert.email not in response.content.decode()


def test_the_badge_class_and_issuer_it_points_to_resolve(client, award, settings):
    assertion = client.get(reverse("rewards:ob_assertion", args=[award.uid])).json()

    badge_class = client.get(assertion["badge"].removeprefix(settings.GUILD_BASE_URL)).json()
    assert badge_class["type"] == "BadgeClass"
    assert badge_class["name"] == "Helpful expert"
    assert "10" in badge_class["criteria"]["narrative"]
    issuer = client.get(badge_class["issuer"].removeprefix(settings.GUILD_BASE_URL)).json()
    assert issuer["type"] == "Issuer" and issuer["id"] == badge_class["issuer"]
    emblem = client.get(badge_class["image"].removeprefix(settings.GUILD_BASE_URL))
    assert emblem.status_code == 200 and emblem["Content-Type"] == "image/svg+xml"


def test_the_verification_page_says_who_earned_it(client, award):
    response = client.get(reverse("rewards:verify", args=[award.uid]))

    assert response.status_code == 200
    assert "Helpful expert" in response.content.decode()
    assert "Sofia" in response.content.decode()
    assert "Valid badge" in response.content.decode()


def test_a_revoked_assertion_answers_gone_with_revoked_true(client, award):
    award.revoked_at = timezone.now()
    award.save()

    response = client.get(reverse("rewards:ob_assertion", args=[award.uid]))

    assert response.status_code == 410
    assert response.json()["revoked"] is True
    assert "revoked" in client.get(reverse("rewards:verify", args=[award.uid])).content.decode()


def test_an_unknown_assertion_is_not_found(client):
    assert client.get(reverse("rewards:ob_assertion", args=["6f1c1c3e-0000-4000-8000-000000000000"])).status_code == 404

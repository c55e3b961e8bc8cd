"""L&D admins define badges and point values in the Wagtail admin; nobody else can."""

import pytest
from django.urls import reverse

from rewards.models import Badge, RewardSettings

pytestmark = pytest.mark.django_db

BADGES = "wagtailsnippets_rewards_badge:list"


def settings_url():
    return reverse("wagtailsettings:edit", args=["rewards", "rewardsettings"])


def test_an_ld_admin_defines_a_badge_and_changes_point_values(client, ld_admin):
    client.force_login(ld_admin)
    assert client.get(reverse(BADGES)).status_code == 200

    response = client.post(reverse("wagtailsnippets_rewards_badge:add"), {
        "name": "Helpful expert", "slug": "helpful-expert", "description": "Answered five questions.",
        "colour": "#1f5f8b", "criterion": "event_count", "reason": "question_answered", "threshold": "5",
        "is_active": "on",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Badge.objects.get(slug="helpful-expert").threshold == 5

    form = {f.name: getattr(RewardSettings.load(), f.name) for f in RewardSettings._meta.fields if f.editable and f.name != "id"}
    form["kudos_received"] = 9
    edit = reverse("wagtailsettings:edit", args=["rewards", "rewardsettings", RewardSettings.load().pk])
    assert client.post(edit, form).status_code == 302
    assert RewardSettings.load().kudos_received == 9


def test_a_badge_without_the_fields_its_criterion_needs_is_refused(client, ld_admin):
    client.force_login(ld_admin)

    response = client.post(reverse("wagtailsnippets_rewards_badge:add"), {
        "name": "Broken", "slug": "broken", "description": "x", "colour": "#1f5f8b", "criterion": "course",
    })

    assert response.status_code == 200
    assert "This criterion needs this field." in response.content.decode()
    assert not Badge.objects.exists()


@pytest.mark.parametrize("who", ["expert", "reviewer"])
def test_authors_and_reviewers_cannot_edit_badges_or_point_values(client, who, request):
    client.force_login(request.getfixturevalue(who))

    assert client.get(reverse(BADGES)).status_code in (302, 403)
    assert client.get(settings_url()).status_code in (302, 403)


@pytest.mark.parametrize("who", ["learner", "manager", "executive"])
def test_people_without_admin_access_are_refused(client, who, request):
    client.force_login(request.getfixturevalue(who))

    assert client.get(reverse(BADGES)).status_code == 403

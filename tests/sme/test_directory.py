"""Any employee finds experts by name and skill; a profile shows what they wrote and reviewed."""

import pytest
from django.urls import reverse

from guild.people.roles import Role
from sme import services
from tests.support.courses import make_course, make_skill
from tests.support.review import make_reviewer

pytestmark = pytest.mark.django_db


def test_a_learner_searches_experts_by_skill_and_name(client, learner):
    sofia = make_reviewer("SQL", email="sofia.l@example.com", roles=(Role.EXPERT,))
    sofia.first_name = "Sofia"
    sofia.save()
    omar = make_reviewer("Negotiation", roles=(Role.EXPERT,))
    client.force_login(learner)
    by_skill = client.get(reverse("sme:directory"), {"skill": make_skill("SQL").slug})
    assert list(by_skill.context["page_obj"]) == [sofia]
    by_name = client.get(reverse("sme:directory"), {"q": "sofia"})
    assert list(by_name.context["page_obj"]) == [sofia]
    assert omar in client.get(reverse("sme:directory"), {"q": "negotiation"}).context["page_obj"]


def test_the_directory_needs_a_sign_in(client):
    assert client.get(reverse("sme:directory")).status_code == 302


def test_a_profile_shows_courses_written(client, catalogue, learner, expert):
    services.save_profile(user=expert, bio="I write SQL.", open_to_mentor=True)
    make_course("Published SQL", authors=[expert])
    make_course("Secret draft", authors=[expert], publish=False)
    client.force_login(learner)
    response = client.get(reverse("sme:expert", args=[expert.pk]))
    assert "I write SQL." in response.text and "Published SQL" in response.text
    assert "Secret draft" not in response.text


def test_an_expert_edits_their_profile_and_skills_but_a_learner_cannot(client, expert, learner):
    client.force_login(expert)
    client.post(reverse("sme:profile_edit"), {"bio": "New bio", "open_to_review": "on"})
    client.post(reverse("sme:profile_edit"), {"add_skill": "1", "skill": make_skill("SQL").pk, "level": "4"})
    expert.refresh_from_db()
    assert expert.expert_profile.bio == "New bio" and not expert.expert_profile.open_to_author
    assert expert.skills.get().level == 4
    client.force_login(learner)
    assert client.get(reverse("sme:profile_edit")).status_code == 403


def test_the_directory_runs_a_fixed_number_of_queries(client, learner, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(learner)
    counts = []
    for size in (2, 8):
        while len(client.get(reverse("sme:directory")).context["page_obj"]) < size:
            make_reviewer("SQL", "Negotiation", roles=(Role.EXPERT,))
        with django_assert_max_num_queries(10), CaptureQueriesContext(connection) as queries:
            client.get(reverse("sme:directory"))
        counts.append(len(queries))
    assert counts[0] == counts[1], counts

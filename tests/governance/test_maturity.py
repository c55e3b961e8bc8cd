"""The maturity assessment: descriptions and evidence in front of the rater, history, radar, next steps."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from governance.maturity import DIMENSIONS
from governance.models import Decision, MaturityAssessment
from governance.selectors.evidence import maturity_evidence
from governance.services.maturity import record_assessment
from guild.skills.models import PersonSkill
from tests.support.courses import enrol, make_course, make_skill
from tests.support.governance import make_committee, make_meeting
from tests.support.people import make_user

pytestmark = pytest.mark.django_db

ALL_TWO = {d.key: (2, "") for d in DIMENSIONS}


def form_data(levels, next_steps=None):
    data = {f"level_{d.key}": levels.get(d.key, 2) for d in DIMENSIONS}
    data.update({f"next_{k}": v for k, v in (next_steps or {}).items()})
    return data


def test_the_form_shows_every_level_description_and_the_platforms_evidence(client, ld_admin, learner):
    course = make_course("Onboarding", lessons=1, quiz=False)
    enrol(learner, course, source="rule")
    make_meeting(make_committee(kind="governance_board"))
    client.force_login(ld_admin)
    html = client.get(reverse("governance:maturity_assess")).content.decode()
    for d in DIMENSIONS:
        for n in range(1, 6):
            assert escape(str(d.description(n))) in html
    assert "Enrolments made by rules, last 12 months" in html and "100%" in html
    assert "Meetings with the Governance Board or Executive L&amp;D Committee, last 12 months" in html


def test_an_assessment_needs_every_dimension(client, ld_admin):
    client.force_login(ld_admin)
    data = form_data({})
    del data["level_metrics"]
    response = client.post(reverse("governance:maturity_assess"), data)
    assert response.status_code == 200 and "Choose a level for every dimension." in response.content.decode()
    assert not MaturityAssessment.objects.exists()


def test_the_radar_shows_the_change_since_last_time_and_a_next_step(client, ld_admin):
    record_assessment(by=ld_admin, ratings=ALL_TWO, assessed_on=date(2025, 11, 1))
    client.force_login(ld_admin)
    client.post(reverse("governance:maturity_assess"),
                form_data({"needs": 4, "tools": 1}, {"needs": "Share the priority list with the board"}))
    latest = MaturityAssessment.objects.first()
    ratings = {r.dimension: r for r in latest.ratings.all()}
    assert ratings["needs"].next_step == "Share the priority list with the board"
    assert ratings["metrics"].next_step == str(DIMENSIONS[-1].next_step(2))  # the suggested step for level 2
    assert ratings["tools"].evidence and ratings["tools"].evidence[0][0].startswith("Enrolments made by rules")
    html = client.get(reverse("governance:maturity")).content.decode()
    assert 'data-chart="maturity"' in html and "<polygon" in html
    assert "▲ +2" in html and "▼ -1" in html
    assert "Share the priority list with the board" in html


def test_the_maturity_pages_run_a_fixed_number_of_queries(client, ld_admin, django_assert_max_num_queries):
    client.force_login(ld_admin)
    record_assessment(by=ld_admin, ratings=ALL_TWO)
    for url in (reverse("governance:maturity"), reverse("governance:maturity_assess")):
        with django_assert_max_num_queries(18):
            assert client.get(url).status_code == 200
    for _ in range(5):
        record_assessment(by=ld_admin, ratings=ALL_TWO)
    for url in (reverse("governance:maturity"), reverse("governance:maturity_assess")):
        with django_assert_max_num_queries(18):
            assert client.get(url).status_code == 200


def test_a_double_submitted_assessment_is_kept_once(client, ld_admin):
    client.force_login(ld_admin)
    for _ in range(2):
        client.post(reverse("governance:maturity_assess"), form_data({"needs": 3}))
    assert MaturityAssessment.objects.count() == 1


def _evidence(dimension, label):
    return {str(name): value for name, value in maturity_evidence()[dimension]}[label]


def test_decisions_of_a_meeting_scheduled_ahead_are_not_yet_recorded_in_the_last_12_months():
    """Found by the recount: the meetings count stopped at today, their decisions did not."""
    board = make_committee(kind="governance_board")
    held, ahead = make_meeting(board), make_meeting(board, held_on=timezone.localdate() + timedelta(days=10))
    Decision.objects.bulk_create([Decision(meeting=held, text="Fund the data course"),
                                  Decision(meeting=ahead, text="Drafted ahead"), Decision(meeting=ahead, text="Too")])
    assert _evidence("executive", "Committee meetings of any kind, last 12 months") == 1
    assert _evidence("executive", "Decisions recorded, last 12 months") == 1


def test_readiness_is_tracked_from_the_skill_levels_of_people_still_here():
    """Found by the recount: a deactivated account's levels made readiness a tracked tier."""
    skill = make_skill("SQL")
    PersonSkill.objects.create(person=make_user(is_active=False), skill=skill, level=3)
    assert _evidence("metrics", "KPI tiers tracked") == "Spend, Engagement, Relevance"
    PersonSkill.objects.create(person=make_user(), skill=skill, level=3)
    assert _evidence("metrics", "KPI tiers tracked") == "Spend, Engagement, Relevance, Readiness"

"""A KPI is either computed by Guild (bound to a figure, chosen from a list) or entered by hand for
business data; never a typed series contradicting a computed figure of the same name. Imports read a
decimal comma, and refuse a number that reads two ways. Forms speak to people, not in constraint names."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from governance.models import Initiative, KPIDefinition, KPIValue
from governance.services.rollups import refresh_rollups
from tests.support.governance import make_events, make_kpi
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def upload(client, text):
    return client.post(reverse("governance:kpi_import"),
                       {"file": SimpleUploadedFile("kpis.csv", text.encode(), "text/csv")})


def test_a_computed_kpi_shows_the_dashboards_figure_and_says_so(client, ld_admin, team):
    people = [make_user(team=team) for _ in range(3)]  # with the L&D admin: 4 people, 3 active
    make_events(people, 9, verbs=("experienced",))
    refresh_rollups()
    make_kpi("active-learner-share", tier="engagement", name="Active learners", unit="%",
             source="active_learner_share_pct", target=Decimal(60))
    client.force_login(ld_admin)
    response = client.get(reverse("governance:dashboard"))
    row = next(r for r in response.context["dash"].kpis if r["kpi"].slug == "active-learner-share")
    assert row["value"] == response.context["dash"].engagement["active_learner_share_pct"] == 75
    html = response.content.decode()
    assert "Computed by Guild: Active learners (%)" in html and "75 %" in html
    assert "Computed by Guild" in client.get(reverse("governance:kpi", args=["active-learner-share"])).content.decode()


def test_values_for_a_computed_figure_cannot_be_imported(client, ld_admin):
    make_kpi("relevant-to-job-pct", tier="relevance", name="Relevant to my job", source="relevant_to_job_pct")
    client.force_login(ld_admin)
    response = upload(client, "metric,team,date,value\nrelevant-to-job-pct,,2026-10-31,81\n"
                              "Cost per learning hour,,2026-10-31,41\n")
    html = response.content.decode()
    assert response.status_code == 200
    assert "“Relevant to my job” is computed by Guild from the platform" in html
    assert "“Cost per learning hour” is a figure Guild computes" in html
    assert not KPIValue.objects.exists() and KPIDefinition.objects.count() == 1


def test_a_hand_entered_kpi_cannot_take_the_name_of_a_computed_figure(client, ld_admin):
    client.force_login(ld_admin)
    data = {"slug": "skill-coverage", "name": "Skill coverage", "source": "manual", "tier": "readiness", "unit": "%"}
    response = client.post(reverse("governance:kpi_create"), data)
    assert response.status_code == 200
    assert "Guild computes “Skill coverage (%)” from the platform" in response.content.decode()
    assert not KPIDefinition.objects.exists()
    response = client.post(reverse("governance:kpi_create"), {**data, "source": "skill_coverage_pct"})
    assert response.status_code == 302
    assert KPIDefinition.objects.get().source == "skill_coverage_pct"


def test_the_demo_types_no_series_for_a_figure_guild_computes():
    from governance import demo
    from governance.figures import FIGURES

    for slug, name, _tier, _unit, _target, _higher, _text, source in demo.KPIS:
        if source == "manual":
            assert all(str(f.label).replace(" (%)", "") != name for f in FIGURES.values()), slug
        else:
            assert source in FIGURES, slug


@pytest.mark.parametrize("text, stored", [("12,5", "12.50"), ("1 234,5", "1234.50"), ("1.234,50", "1234.50"),
                                          ("1,234.5", "1234.50"), ("-0,75", "-0.75")])
def test_a_decimal_comma_is_read_as_a_decimal_point(client, ld_admin, text, stored):
    client.force_login(ld_admin)
    assert upload(client, f'metric,team,date,value\nsales-cycle-days,,2026-01-31,"{text}"\n').status_code == 302
    assert str(KPIValue.objects.get().value) == stored


def test_a_number_that_reads_two_ways_is_refused_with_a_clear_message(client, ld_admin):
    client.force_login(ld_admin)
    html = upload(client, 'metric,team,date,value\nsales-cycle-days,,2026-01-31,"1,234"\n').content.decode()
    assert "“1,234” can be read two ways" in html and "1234" in html and "1.234" in html
    assert not KPIValue.objects.exists()


def test_an_initiative_form_explains_a_negative_budget_in_words(client, ld_admin):
    client.force_login(ld_admin)
    today = timezone.localdate().isoformat()
    response = client.post(reverse("governance:initiative_create"), {
        "title": "Sales academy", "pillar": "performance", "status": "planned", "starts_on": today,
        "ends_on": today, "budget_planned": "-5", "budget_spent": "-1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("A budget cannot be negative: enter 0 or more.") == 2
    assert "Constraint" not in html and "initiative_budget_not_negative" not in html
    assert not Initiative.objects.exists()

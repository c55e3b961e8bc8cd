"""Reporting API: L&D admins and executives read KPIs, priorities and figures; others are refused."""

import pytest

from tests.support.governance import governance_world
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def test_executives_read_kpis_needs_and_dashboard_figures(client, executive, ld_admin, team):
    governance_world(admin=ld_admin, people=[make_user(team=team) for _ in range(3)])
    client.force_login(executive)
    kpis = client.get("/api/governance/kpis/").json()
    assert any(k["slug"] == "sales-cycle-days" and k["values"] for k in (kpis.get("results", kpis)))
    needs = client.get("/api/governance/needs/").json()
    assert needs[0]["score"] == needs[0]["score_votes"] + needs[0]["score_goal"] + needs[0]["score_skill_gap"] + needs[0]["score_urgency"]
    figures = client.get("/api/governance/dashboard/?period=30").json()
    assert figures["period_days"] == 30 and any(f["metric"] == "Active learners" for f in figures["figures"])


@pytest.mark.parametrize("url", ["/api/governance/kpis/", "/api/governance/needs/", "/api/governance/dashboard/"])
def test_learners_and_managers_are_refused(client, learner, manager, url):
    for person in (learner, manager):
        client.force_login(person)
        assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code in (401, 403)


def test_nobody_writes_through_the_reporting_api(client, ld_admin):
    client.force_login(ld_admin)
    assert client.post("/api/governance/kpis/", {"slug": "x", "name": "x", "tier": "spend"}).status_code == 405

"""Reporting API: L&D admins and executives read KPIs, priorities and figures; others are refused."""

import pytest

from tests.support.governance import governance_world, make_need
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def test_executives_read_kpis_needs_and_dashboard_figures(client, executive, ld_admin, team):
    governance_world(admin=ld_admin, people=[make_user(team=team) for _ in range(3)])
    client.force_login(executive)
    kpis = client.get("/api/governance/kpis/").json()
    assert any(k["slug"] == "sales-cycle-days" and k["values"] for k in (kpis.get("results", kpis)))
    needs = client.get("/api/governance/needs/").json()["results"]
    assert needs[0]["score"] == needs[0]["score_votes"] + needs[0]["score_goal"] + needs[0]["score_skill_gap"] + needs[0]["score_urgency"]
    figures = client.get("/api/governance/dashboard/?period=30").json()
    assert figures["period_days"] == 30 and any(f["metric"] == "Active learners" for f in figures["figures"])


def test_the_needs_come_in_cursor_pages_that_a_new_need_does_not_shift(client, executive, learner):
    from governance.services.needs import vote

    needs = [make_need(learner, title=title) for title in ("Kubernetes basics", "Negotiation", "Excel pivots", "SQL joins")]
    for voters, need in enumerate(needs):  # 0 to 3 extra votes: a known order
        for _ in range(voters):
            vote(need=need, voter=make_user())
    client.force_login(executive)
    first = client.get("/api/governance/needs/?page_size=2").json()
    assert [n["title"] for n in first["results"]] == ["SQL joins", "Excel pivots"]
    make_need(learner, title="Public speaking")  # one vote: ranks below everything read so far but one
    second = client.get(first["next"]).json()
    assert [n["title"] for n in second["results"]] == ["Negotiation", "Kubernetes basics"]
    assert second["next"] is not None
    third = client.get(second["next"]).json()
    assert [n["title"] for n in third["results"]] == ["Public speaking"] and third["next"] is None
    for bad in ("not~base64", "bm90IGpzb24", "WzEsIDJd"):  # not a cursor; not JSON; a key of another shape
        assert client.get(f"/api/governance/needs/?cursor={bad}").status_code == 404
    assert client.get("/api/governance/needs/?page_size=0").status_code == 400


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

"""In Chromium: an L&D admin triages a need, links it to an initiative, records a committee decision and
completes a maturity assessment; an executive reads the summary and cannot edit."""

import re

import pytest
from playwright.sync_api import expect

from governance.maturity import DIMENSIONS
from guild.people.roles import Role
from tests.support.browser import sign_in
from tests.support.governance import make_committee, make_initiative, make_need
from tests.support.people import PASSWORD, make_user


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_ld_admin_runs_governance_and_an_executive_reads_it(page):
    admin = make_user(Role.LD_ADMIN, email="admin@example.com", first_name="Priya")
    make_user(Role.EXECUTIVE, email="exec@example.com", first_name="Elena")
    need = make_need(make_user(), title="Handling pricing objections")
    initiative = make_initiative(title="Sales enablement academy")
    committee = make_committee(kind="executive", name="Executive L&D Committee", members=[admin])

    sign_in(page, "admin@example.com", PASSWORD)
    page.goto("/needs/")
    page.get_by_role("link", name="Handling pricing objections").click()
    page.get_by_label("Status").select_option("planned")
    page.get_by_label("Note for the people who voted").fill("Two senior AEs will write it this quarter.")
    page.get_by_label("Add to initiative").select_option(label="Sales enablement academy")
    page.get_by_role("button", name="Save triage").click()
    expect(page.get_by_test_id("need-status")).to_have_text("Planned")
    expect(page.get_by_test_id("need-note")).to_have_text("Two senior AEs will write it this quarter.")

    page.goto(f"/governance/initiatives/{initiative.pk}/")
    expect(page.get_by_test_id("initiative-needs")).to_contain_text("Handling pricing objections")

    page.goto(f"/governance/committees/{committee.pk}/")
    page.get_by_label("Agenda").fill("Q3 roadmap review")
    page.get_by_role("button", name="Record meeting").click()
    page.get_by_role("textbox", name="Decision").fill("Fund the sales academy pilot")
    page.get_by_label("Initiative concerned").select_option(label="Sales enablement academy")
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_test_id("decisions")).to_contain_text("Fund the sales academy pilot")

    page.goto("/governance/maturity/assess/")
    for n, d in enumerate(DIMENSIONS):
        page.get_by_test_id(f"dimension-{d.key}").get_by_role("radio", name=re.compile(rf"^{2 + n % 3} · ")).check()
    page.get_by_role("button", name="Save assessment").click()
    expect(page).to_have_url(re.compile(r"/governance/maturity/$"))
    radar = page.locator('svg[data-chart="maturity"]')
    expect(radar).to_be_visible()
    expect(page.get_by_test_id("maturity-table")).to_contain_text("first rating")

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "exec@example.com", PASSWORD)
    page.goto("/governance/summary/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Executive summary")
    expect(page.get_by_test_id("headline")).to_contain_text("learned on Guild")
    expect(page.get_by_test_id("roadmap-status")).to_contain_text("1 initiative")
    # The details are one click away: the maturity radar and the initiative, read-only.
    page.goto("/governance/maturity/")
    expect(page.locator('svg[data-chart="maturity"]')).to_be_visible()
    page.goto("/governance/roadmap/")
    expect(page.get_by_role("link", name="Sales enablement academy").first).to_be_visible()
    page.goto(f"/governance/initiatives/{initiative.pk}/")
    expect(page.get_by_role("link", name="Edit")).to_have_count(0)
    response = page.goto(f"/governance/initiatives/{initiative.pk}/edit/")
    assert response.status == 403
    response = page.goto("/governance/")  # the executive reads the dashboard (and changes nothing)
    assert response.status == 200
    assert need.pk

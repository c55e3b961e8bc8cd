"""Sending a "new" form twice (a double click, the browser resending the POST) creates one business goal,
initiative, committee or KPI, and the second response lands on the first one's page. A genuinely different
second submission still creates a second row."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from governance.forms import InitiativeForm
from governance.models import BusinessGoal, Committee, Initiative, KPIDefinition
from governance.services import roadmap as roadmap_services
from tests.support.governance import make_kpi

pytestmark = pytest.mark.django_db

GOAL = {"title": "Shorten the sales cycle", "description": "From 60 to 45 days.", "pillar": "performance",
        "weight": "4", "is_active": "on"}
COMMITTEE = {"kind": "steering", "name": "L&D Steering Committee", "purpose": "Run the roadmap.", "cadence": "monthly"}
KPI = {"slug": "sales-cycle-days", "name": "Sales cycle", "tier": "business", "unit": "days", "target": "45",
       "higher_is_better": ""}


def initiative_data(**changes):
    return {"title": "Sales enablement academy", "description": "", "pillar": "performance", "status": "planned",
            "starts_on": "2026-04-01", "ends_on": "2026-09-30", "budget_planned": "20000", "budget_spent": "0",
            **changes}


def post_twice(client, url, first, second=None):
    one = client.post(url, first)
    two = client.post(url, first if second is None else second)
    assert one.status_code == 302, one.content.decode()[:2000]
    return one, two


def test_a_business_goal_sent_twice_is_created_once(client, ld_admin):
    client.force_login(ld_admin)
    one, two = post_twice(client, reverse("governance:goal_create"), GOAL)
    assert BusinessGoal.objects.count() == 1
    assert two.status_code == 302 and two["Location"] == one["Location"] == reverse("governance:mission")


def test_an_initiative_sent_twice_is_created_once(client, ld_admin):
    kpi = make_kpi()
    client.force_login(ld_admin)
    one, two = post_twice(client, reverse("governance:initiative_create"), initiative_data(kpis=[kpi.pk]))
    initiative = Initiative.objects.get()
    assert two.status_code == 302
    assert two["Location"] == one["Location"] == reverse("governance:initiative", args=[initiative.pk])
    assert list(initiative.kpis.all()) == [kpi]


def test_a_committee_sent_twice_is_created_once(client, ld_admin, executive):
    client.force_login(ld_admin)
    one, two = post_twice(client, reverse("governance:committee_create"),
                          {**COMMITTEE, "chair": ld_admin.pk, "members": [ld_admin.pk, executive.pk]})
    committee = Committee.objects.get()
    assert two.status_code == 302
    assert two["Location"] == one["Location"] == reverse("governance:committee", args=[committee.pk])


def test_a_kpi_sent_twice_is_created_once(client, ld_admin):
    client.force_login(ld_admin)
    one, two = post_twice(client, reverse("governance:kpi_create"), KPI)
    assert KPIDefinition.objects.count() == 1
    assert two.status_code == 302 and two["Location"] == one["Location"] == reverse("governance:kpi", args=["sales-cycle-days"])


def test_a_different_second_goal_is_a_second_goal(client, ld_admin):
    client.force_login(ld_admin)
    post_twice(client, reverse("governance:goal_create"), GOAL, {**GOAL, "title": "Grow the partner channel"})
    assert sorted(BusinessGoal.objects.values_list("title", flat=True)) == ["Grow the partner channel",
                                                                           "Shorten the sales cycle"]


def test_a_different_second_initiative_is_a_second_initiative(client, ld_admin):
    client.force_login(ld_admin)
    url = reverse("governance:initiative_create")
    post_twice(client, url, initiative_data(), initiative_data(title="Manager academy"))
    # Same title, another budget: a second initiative, not a repeat of the first.
    two = client.post(url, initiative_data(budget_planned="5000"))
    assert Initiative.objects.count() == 3
    assert two["Location"] == reverse("governance:initiative", args=[Initiative.objects.latest("id").pk])


def test_a_different_second_committee_is_a_second_committee(client, ld_admin):
    client.force_login(ld_admin)
    post_twice(client, reverse("governance:committee_create"), COMMITTEE,
               {**COMMITTEE, "kind": "learner_advisory", "name": "Learner Advisory Committee"})
    assert Committee.objects.count() == 2


def test_a_different_second_kpi_is_a_second_kpi(client, ld_admin):
    client.force_login(ld_admin)
    post_twice(client, reverse("governance:kpi_create"), KPI, {**KPI, "slug": "win-rate", "name": "Win rate"})
    assert KPIDefinition.objects.count() == 2


def test_a_taken_name_with_other_details_is_refused_with_a_clear_error(client, ld_admin):
    """Not a repeat (the details differ) and not a second row (the name is unique): the form says so."""
    client.force_login(ld_admin)
    url = reverse("governance:committee_create")
    _one, two = post_twice(client, url, COMMITTEE, {**COMMITTEE, "purpose": "Something else."})
    assert two.status_code == 200
    assert "Committee with this Name already exists." in two.content.decode()
    assert Committee.objects.get().purpose == "Run the roadmap."


def test_editing_is_not_mistaken_for_a_repeat(client, ld_admin):
    client.force_login(ld_admin)
    client.post(reverse("governance:kpi_create"), KPI)
    response = client.post(reverse("governance:kpi_edit", args=["sales-cycle-days"]), {**KPI, "target": "40"})
    assert response.status_code == 302
    assert KPIDefinition.objects.get().target == 40


@pytest.mark.django_db(transaction=True)
def test_two_requests_at_once_create_one_initiative(ld_admin):
    """The second request of a double click can arrive before the first commits: creates are serialised."""
    if connection.vendor != "postgresql":
        pytest.skip("needs row locks (PostgreSQL)")
    results, barrier = [], threading.Barrier(2)

    def submit():
        try:
            barrier.wait()
            form = InitiativeForm(initiative_data())
            form.is_valid()
            results.append(roadmap_services.create_initiative(by=ld_admin, **form.cleaned_data).pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert Initiative.objects.count() == 1
    assert results == [Initiative.objects.get().pk] * 2

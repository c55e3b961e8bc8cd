"""Committees, meetings, decisions and action items; overdue actions reach the L&D home."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import ActionItem, Decision, Initiative, Meeting
from tests.support.governance import governance_world, make_committee, make_initiative, make_meeting
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def test_an_ld_admin_records_a_meeting_a_decision_and_an_action(client, ld_admin, executive):
    committee = make_committee(kind="executive", name="Executive L&D Committee", members=[executive])
    initiative = make_initiative(title="Sales enablement")
    client.force_login(ld_admin)
    response = client.post(reverse("governance:meeting_create", args=[committee.pk]),
                           {"held_on": "2026-03-02", "agenda": "Q2 roadmap"})
    meeting = Meeting.objects.get()
    assert response["Location"] == reverse("governance:meeting", args=[meeting.pk])
    url = reverse("governance:meeting", args=[meeting.pk])
    for _ in range(2):  # a double submit records the decision once
        client.post(url, {"decision-text": "Fund the sales enablement pilot", "decision-initiative": initiative.pk})
    client.post(url, {"action-title": "Draft the pilot plan", "action-owner": executive.pk, "action-due_on": "2026-03-20"})
    assert list(Decision.objects.values_list("text", "initiative")) == [("Fund the sales enablement pilot", initiative.pk)]
    assert ActionItem.objects.get().owner == executive
    html = client.get(reverse("governance:initiative", args=[initiative.pk])).content.decode()
    assert "Fund the sales enablement pilot" in html


def test_a_decision_without_text_is_refused(client, ld_admin):
    meeting = make_meeting(make_committee())
    client.force_login(ld_admin)
    response = client.post(reverse("governance:meeting", args=[meeting.pk]), {"decision-text": ""})
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    assert not Decision.objects.exists()


def test_overdue_actions_surface_on_the_ld_home_only(client, ld_admin, learner):
    meeting = make_meeting(make_committee(name="L&D Steering Committee", kind="steering"))
    ActionItem.objects.create(meeting=meeting, title="Send the budget memo", owner=ld_admin,
                              due_on=timezone.localdate() - timedelta(days=1))
    ActionItem.objects.create(meeting=meeting, title="Book the next review", owner=ld_admin,
                              due_on=timezone.localdate() + timedelta(days=5))
    client.force_login(ld_admin)
    html = client.get(reverse("home")).content.decode()
    assert "Send the budget memo" in html and "Book the next review" not in html
    client.force_login(learner)
    assert "Send the budget memo" not in client.get(reverse("home")).content.decode()


def test_the_owner_of_an_action_can_close_it(client, ld_admin, learner):
    action = ActionItem.objects.create(meeting=make_meeting(make_committee(kind="learner_advisory")),
                                       title="Collect feedback", owner=learner, due_on=timezone.localdate())
    client.force_login(learner)
    client.post(reverse("governance:action_status", args=[action.pk]), {"status": "done"})
    action.refresh_from_db()
    assert action.status == "done" and action.completed_at is not None


def test_an_initiative_cannot_end_before_it_starts(client, ld_admin):
    client.force_login(ld_admin)
    response = client.post(reverse("governance:initiative_create"), {
        "title": "Backwards", "pillar": "talent", "status": "planned", "starts_on": "2026-05-01",
        "ends_on": "2026-04-01", "budget_planned": "100", "budget_spent": "0",
    })
    assert "The end date must be on or after the start date." in response.content.decode()
    assert not Initiative.objects.exists()


def test_the_roadmap_places_initiatives_on_a_month_grid(client, executive):
    make_initiative(title="Manager academy", starts_on=date(2026, 1, 10), ends_on=date(2026, 3, 5))
    make_initiative(title="Data literacy", starts_on=date(2026, 3, 1), ends_on=date(2026, 6, 30))
    client.force_login(executive)
    html = client.get(reverse("governance:roadmap")).content.decode()
    assert "grid-column: 2 / 5;" in html  # January to March
    assert "grid-column: 4 / 8;" in html  # March to June


def test_roadmap_and_committee_pages_run_a_fixed_number_of_queries(client, executive, ld_admin,
                                                                   django_assert_max_num_queries):
    client.force_login(executive)
    people = [make_user() for _ in range(2)]
    governance_world(admin=ld_admin, people=people, size=1)
    urls = [reverse("governance:roadmap"), reverse("governance:committees"), reverse("governance:kpis"),
            reverse("governance:mission")]
    for url in urls:
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200
    governance_world(admin=ld_admin, people=people, size=8)
    for url in urls:
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200


def test_a_double_submitted_meeting_is_recorded_once(client, ld_admin):
    committee = make_committee()
    client.force_login(ld_admin)
    for _ in range(2):
        client.post(reverse("governance:meeting_create", args=[committee.pk]), {"held_on": "2026-03-02", "agenda": "Budget"})
    assert Meeting.objects.count() == 1

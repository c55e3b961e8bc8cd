"""Every figure beside its value for the previous period of the same length, and the change; active
people counted for any window (the previous period too), and only among accounts still active."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import Enrolment
from governance.models import ActivePeople
from governance.selectors.evidence import maturity_evidence
from governance.services.rollups import count_active_people, refresh_rollups
from tests.support.courses import enrol, make_course
from tests.support.governance import make_events
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def _enrolled_days_ago(enrolment, days):
    Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=timezone.now() - timedelta(days=days))


def test_each_tile_shows_the_previous_period_and_the_change(client, ld_admin, team):
    now_people = [make_user(team=team) for _ in range(3)]
    before_people = [make_user(team=team) for _ in range(5)]
    make_events(now_people, 6, verbs=("experienced",), days=10)  # 3 learners in the last 30 days
    make_events(before_people, 10, verbs=("experienced",), days=10, ago=timedelta(days=40))  # 5, the 30 before
    course = make_course("Negotiation", lessons=1, quiz=False)
    for person in now_people:
        enrol(person, course)
    for person in before_people[:2]:  # written directly: enrolling through the service records an event today
        _enrolled_days_ago(Enrolment.objects.create(learner=person, course=course, source="self"), 45)
    refresh_rollups()

    client.force_login(ld_admin)
    response = client.get(reverse("governance:dashboard"), {"period": 30})
    dash = response.context["dash"]
    assert (dash.engagement["active_learners"], dash.previous["active_learners"]) == (3, 5)
    assert (dash.engagement["enrolments"], dash.previous["enrolments"]) == (3, 2)
    html = response.content.decode()
    tile = re.search(r'data-figure="active_learners".*?</div>', html, re.S).group(0)
    assert "−2 vs previous 30 days (5)" in tile
    tile = re.search(r'data-figure="enrolments".*?</div>', html, re.S).group(0)
    assert "+1 vs previous 30 days (2)" in tile
    # A figure of how things stand now has no earlier value: it says so instead of inventing one.
    tile = re.search(r'data-figure="people".*?</div>', html, re.S).group(0)
    assert "as of today" in tile and "vs previous" not in tile


def test_the_summary_shows_the_change_too(client, executive, team):
    make_events([make_user(team=team)], 4, verbs=("experienced",), days=5, ago=timedelta(days=100))
    refresh_rollups()
    client.force_login(executive)
    html = client.get(reverse("governance:summary"), {"period": 90}).content.decode()
    # One person learned 100 days ago, nobody since: the headline and the active share say so.
    assert "0 people learned on Guild (1 the 90 days before)" in html
    tile = re.search(r'data-figure="active_learner_share_pct".*?</div>', html, re.S).group(0)
    assert "−50 pts vs previous 90 days (50 %)" in tile


def test_active_people_can_be_counted_for_any_window(team):
    person = make_user(team=team)
    make_events([person], 1, verbs=("experienced",), days=1, ago=timedelta(days=200))
    refresh_rollups()
    day = timezone.localdate() - timedelta(days=200)
    count_active_people(windows=[(day, day), (day + timedelta(days=1), day + timedelta(days=9))])
    rows = {(r.starts_on, r.ends_on): r.learners for r in ActivePeople.objects.filter(team_id=team.pk)}
    assert rows[(day, day)] == 1 and (day + timedelta(days=1), day + timedelta(days=9)) not in rows


def test_deactivated_accounts_are_not_active_learners(client, ld_admin, team):
    """A deprovisioned person (SCIM active:false) is in no headcount, so not among its active learners
    either: "Active learners 3 / 2" would be nonsense."""
    stay, leave = make_user(team=team), make_user(team=team)
    make_events([stay, leave], 8, verbs=("experienced", "experienced", "authored", "authored"), days=3)
    refresh_rollups()
    leave.is_active = False
    leave.save(update_fields=["is_active"])
    refresh_rollups()  # nothing new to fold: the recount alone follows the deactivation

    evidence = dict(maturity_evidence()["learners"])
    headcount = evidence["Active learners in the last 30 days"].split(" / ")
    assert headcount[0] == "1"
    client.force_login(ld_admin)
    dash = client.get(reverse("governance:dashboard"), {"team": team.slug}).context["dash"]
    assert (dash.engagement["active_learners"], dash.engagement["people"]) == (1, 1)
    assert dash.sme["active_authors"] == 1


def test_a_period_window_is_the_same_length_before(client, ld_admin):
    client.force_login(ld_admin)
    dash = client.get(reverse("governance:dashboard"), {"period": 90}).context["dash"]
    before = dash.previous_filters
    assert before.end == dash.filters.start - timedelta(days=1)
    assert (before.end - before.start).days == (dash.filters.end - dash.filters.start).days == 89
    assert isinstance(before.start, date)

"""The executive summary on one screen, and the executive's own role: every figure to read and
organisation-wide enrolment rules, without managing the top team."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.automation.models import EnrolmentRule
from governance.models import ActionItem
from governance.selectors.summary import HEADLINE_FIGURES
from guild.people.models import Team
from guild.people.roles import Role
from tests.support.courses import make_course
from tests.support.governance import governance_world, make_committee, make_meeting
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(team):
    return [make_user(team=team) for _ in range(4)]


def test_the_summary_fits_one_screen_with_changes_roadmap_and_actions(client, executive, ld_admin, people):
    governance_world(admin=ld_admin, people=people)
    meeting = make_meeting(make_committee(members=[executive, ld_admin]))
    mine = ActionItem.objects.create(meeting=meeting, title="Sign off the sales budget", owner=executive,
                                     due_on=timezone.localdate() - timedelta(days=1))
    client.force_login(executive)
    response = client.get(reverse("governance:summary"), {"period": 90})
    html = response.content.decode()
    screen = re.search(r'data-testid="one-screen".*?</section>\s*\{?%?\s*(?:endblock)?', html, re.S).group(0)

    headline = re.search(r'data-testid="headline">(.*?)</p>', html, re.S).group(1)
    assert headline.startswith("In the last 90 days, 4 people learned on Guild") and "overdue" in headline
    tiles = re.findall(r'<div class="kpi" data-figure="([a-z_]+)"', screen)
    assert tiles == list(HEADLINE_FIGURES) and 5 <= len(tiles) <= 7
    assert screen.count("vs previous 90 days") == len(tiles)
    cost = re.search(r'data-figure="cost_per_learning_hour".*?</div>', screen, re.S).group(0)
    assert "–" in cost or "€" in cost  # money is never shown without its currency
    roadmap = re.search(r'data-testid="roadmap-status".*?</section>', html, re.S).group(0)
    assert "1 initiative:" in roadmap and "€ spent of" in roadmap and "€ planned" in roadmap
    actions = re.search(r'data-testid="overdue-actions".*?</section>', html, re.S).group(0)
    # The executive's own action comes first, marked, before the older action of someone else.
    assert actions.index(mine.title) < actions.index("Follow up") and "Yours" in actions
    assert f'href="{reverse("governance:dashboard")}?period=90"' in html  # the details, same period
    # One screen: the long sections (KPI table, initiatives table, every figure) live on the dashboard.
    assert 'data-testid="section-engagement"' not in html and "KPIs against targets" not in html


def test_the_executive_reads_the_dashboard_but_changes_nothing(client, executive, ld_admin, people):
    governance_world(admin=ld_admin, people=people)
    client.force_login(executive)
    response = client.get(reverse("governance:dashboard"))
    assert response.status_code == 200 and 'data-testid="section-engagement"' in response.content.decode()
    assert client.get(reverse("governance:kpi_create")).status_code == 403
    assert client.get(reverse("governance:initiative_create")).status_code == 403


def test_the_executive_makes_rules_for_any_team_without_managing_one(client, executive):
    sales = Team.add_root(name="Sales", slug="sales-exec")
    course = make_course("Negotiation", lessons=1, quiz=False)
    assert not executive.has_role(Role.MANAGER) and not Team.objects.filter(manager=executive).exists()
    client.force_login(executive)
    response = client.post(reverse("automation:rule_new"), {
        "name": "Sales learns negotiation", "is_active": "on", "team": sales.pk, "course": course.pk,
        "due_in_days": 30})
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert EnrolmentRule.objects.get(name="Sales learns negotiation").team == sales
    assert client.get(reverse("automation:rules")).status_code == 200
    # A manager still reaches only the teams they manage.
    other = make_user(Role.MANAGER)
    client.force_login(other)
    response = client.post(reverse("automation:rule_new"), {
        "name": "Outside my teams", "is_active": "on", "team": sales.pk, "course": course.pk, "due_in_days": 30})
    assert response.status_code == 200 and not EnrolmentRule.objects.filter(name="Outside my teams").exists()


def test_the_demo_executive_is_not_the_manager_of_the_top_team():
    from guild.people import demo as people_demo
    from guild.people.models import User

    people_demo.seed()
    elena = User.objects.get(email="exec@example.com")
    assert elena.has_role(Role.EXECUTIVE) and not elena.groups.filter(name=Role.MANAGER).exists()
    assert not Team.objects.filter(manager=elena).exists()

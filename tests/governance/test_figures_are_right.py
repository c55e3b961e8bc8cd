"""Figures an executive can trust (issue 18, "wrong today"): evidence counted without joins inflating it,
cost per learning hour with a clear budget scope, one way of writing a figure, charts to this month,
and filters that name nothing refused."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from courses import services as course_services
from governance.models import KPIValue, NeedVolunteer
from governance.selectors.evidence import maturity_evidence
from governance.services.rollups import refresh_rollups
from guild.events.models import LearningEvent
from guild.people.models import Team
from guild.skills.models import PersonSkill
from tests.support.courses import enrol, lessons_of, make_course, make_skill
from tests.support.governance import make_events, make_initiative, make_kpi, make_need
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def evidence(key):
    return dict(maturity_evidence()[key])


def test_maturity_evidence_counts_people_and_needs_once_whatever_they_join(team, ld_admin):
    people = [make_user(team=team) for _ in range(3)]  # with ld_admin: 4 active people
    for n, name in enumerate(["SQL", "Python", "Statistics"]):
        PersonSkill.objects.create(person=people[0], skill=make_skill(name), level=2 + n % 2)
    PersonSkill.objects.create(person=people[1], skill=make_skill("SQL"), level=3)
    need = make_need(people[0], title="Reading query plans well")
    make_need(people[1], title="Forecasting headcount simply")
    for expert in people:
        NeedVolunteer.objects.create(need=need, expert=expert)
    make_events(people, 6, verbs=("experienced",))
    refresh_rollups()
    assert evidence("learners")["Active learners in the last 30 days"] == "3 / 4"
    assert evidence("needs")["Learning needs posted"] == 2
    assert evidence("needs")["People who posted a need"] == 2
    assert evidence("sme")["Learning needs with an expert volunteer"] == "50%"
    assert evidence("metrics")["People with assessed skill levels"] == "50%"  # 2 of 4


@pytest.fixture
def sales(db):
    return Team.add_root(name="Sales", slug="sales-budget")


def test_a_team_pays_only_its_own_budget_and_the_period_gets_its_share(client, ld_admin, team, sales):
    today = timezone.localdate()
    learner = make_user(team=sales)
    course = make_course("Negotiation", lessons=1, quiz=False, estimated_minutes=600)  # 10 hours
    course_services.complete_course(enrolment=enrol(learner, course))
    # An organisation-wide budget over the last 365 days, and the sales team's own over the last 30.
    make_initiative(budget_planned=36500, budget_spent=3650, starts_on=today - timedelta(days=364), ends_on=today)
    make_initiative(budget_planned=3000, budget_spent=300, starts_on=today - timedelta(days=29), ends_on=today,
                    team=sales)
    refresh_rollups()
    client.force_login(ld_admin)
    org = client.get(reverse("governance:dashboard"), {"period": 30}).context["dash"]
    assert org.spend["budget_spent"] == Decimal("600.00")  # 30 days of 3,650 over 365, and all of 300
    assert org.spend["cost_per_learning_hour"] == Decimal("60.00")
    team_view = client.get(reverse("governance:dashboard"), {"period": 30, "team": sales.slug}).context["dash"]
    assert team_view.spend["budget_spent"] == Decimal("300.00")  # never the organisation's budget
    assert team_view.spend["cost_per_learning_hour"] == Decimal("30.00")
    year = client.get(reverse("governance:dashboard"), {"period": 365}).context["dash"]
    assert year.spend["budget_spent"] == Decimal("3950.00")


def test_every_figure_is_written_one_way_on_the_kpi_table_dashboard_and_summary(client, ld_admin, executive):
    kpi = make_kpi("first-year-turnover-pct", name="First-year turnover", unit="%", target=Decimal("10.5"))
    KPIValue.objects.create(kpi=kpi, date=date(2026, 10, 31), value=Decimal("10.6"))
    client.force_login(ld_admin)
    for url in (reverse("governance:kpis"), reverse("governance:dashboard")):
        html = client.get(url).content.decode()
        assert "10.6 %" in html and "10.60" not in html and "10.6000" not in html
        assert "≤ 10.5 %" in html or "≥ 10.5 %" in html
    # The executive's one-screen summary has no KPI table: its details, the dashboard, write it the same way.
    client.force_login(executive)
    assert "10.6 %" in client.get(reverse("governance:dashboard")).content.decode()


def test_business_charts_run_to_this_month_with_values_on_both_axes(client, ld_admin, team):
    kpi = make_kpi("sales-cycle-days", name="Sales cycle", unit="days")
    today = timezone.localdate()
    last_month = today.replace(day=1) - timedelta(days=1)
    KPIValue.objects.create(kpi=kpi, date=last_month.replace(day=1), value=Decimal("42.5"))
    KPIValue.objects.create(kpi=kpi, date=last_month, value=Decimal("41"))
    client.force_login(ld_admin)
    chart = client.get(reverse("governance:dashboard"), {"period": 365}).context["business_charts"][0]
    assert chart.rows[-1][0] == today.strftime("%Y-%m")  # this month's completions show
    assert chart.rows[-2][1] == 41.0 and chart.rows[-1][1] is None  # no made-up value for this month
    svg = str(chart.svg)
    assert "left axis" in svg and "right axis" in svg
    assert ">40<" in svg or ">50<" in svg  # the business metric's axis has values
    assert f'text-anchor="end">{today.strftime("%Y-%m")}</text>' in svg  # the last label is not cut off


def test_the_activity_charts_completions_are_the_completions_tile(client, ld_admin, team):
    learner = make_user(team=team)
    course = make_course("Spreadsheets", lessons=3, quiz=False)
    enrol(learner, course)
    for lesson in lessons_of(course):
        course_services.complete_lesson(learner=learner, lesson=lesson)
    assert LearningEvent.objects.filter(verb="completed").count() >= 4  # three lessons and the course
    refresh_rollups()
    client.force_login(ld_admin)
    dash = client.get(reverse("governance:dashboard")).context["dash"]
    chart = dash.charts["activity"]
    assert chart.headers[2] == "Completions"
    assert sum(row[2] for row in chart.rows) == dash.engagement["completions"] == 1


@pytest.mark.parametrize("params, status, message", [
    ({"team": "no-such-team"}, 404, "No team is called “no-such-team”"),
    ({"period": "7"}, 400, "“7” is not a period the dashboard knows"),
    ({"period": "ninety"}, 400, "“ninety” is not a period the dashboard knows"),
])
def test_a_team_or_period_that_names_nothing_is_refused_not_shown_as_the_organisation(
        client, ld_admin, params, status, message):
    client.force_login(ld_admin)
    for url in (reverse("governance:dashboard"), reverse("governance:summary"),
                reverse("governance:export", args=["csv"])):
        response = client.get(url, params)
        assert response.status_code == status
        assert message in response.content.decode()
    api = client.get("/api/governance/dashboard/", params)
    assert api.status_code == status and message in api.json()["detail"]

"""The L&D dashboard and the executive summary: right figures, fixed queries, exports."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Task, TaskState, Workflow, WorkflowState

from courses import services as course_services
from governance.review.models import ReviewAssignment
from governance.services.rollups import refresh_rollups
from guild.people.models import Team
from tests.support.courses import enrol, make_course
from tests.support.governance import governance_world, make_events, make_initiative
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(team):
    return [make_user(team=team) for _ in range(4)]


def test_the_dashboard_shows_engagement_spend_and_conversation(client, ld_admin, people, team):
    course = make_course("SQL basics", lessons=1, quiz=False, estimated_minutes=120)
    for p in people[:2]:
        enrol(p, course)
    enrol(people[2], course, source="assigned", due_date=timezone.localdate() - timedelta(days=2))
    e = course_services.enrol(learner=people[3], course=course)[0]
    course_services.complete_course(enrolment=e)
    today = timezone.localdate()
    make_initiative(budget_planned=1000, budget_spent=400, starts_on=today - timedelta(days=60), ends_on=today)
    make_events(people, 8, verbs=("asked", "answered", "commented", "experienced"))
    refresh_rollups()
    client.force_login(ld_admin)
    dash = client.get(reverse("governance:dashboard")).context["dash"]
    assert dash.engagement["enrolments"] == 4
    assert (dash.engagement["voluntary_enrolments"], dash.engagement["assigned_enrolments"]) == (3, 1)
    assert dash.engagement["overdue"] == 1 and dash.engagement["completions"] == 1
    assert dash.engagement["active_learners"] == 4
    assert dash.spend["budget_spent"] == 400 and dash.spend["learning_hours"] == 2.0
    assert dash.spend["cost_per_learning_hour"] == 200
    assert dash.conversation["questions"] == 2 and dash.conversation["answer_rate_pct"] == 100


def test_the_team_filter_narrows_the_figures(client, ld_admin, people):
    other = Team.add_root(name="Sales", slug="sales-x")
    outsider = make_user(team=other)
    make_events(people, 10)
    make_events([outsider], 5)
    refresh_rollups()
    client.force_login(ld_admin)
    everyone = client.get(reverse("governance:dashboard")).context["dash"]
    sales = client.get(reverse("governance:dashboard"), {"team": "sales-x", "period": 30}).context["dash"]
    assert everyone.engagement["active_learners"] == 5
    assert sales.engagement["active_learners"] == 1


def test_charts_carry_a_title_a_description_and_a_data_table(client, ld_admin, people):
    governance_world(admin=ld_admin, people=people)
    client.force_login(ld_admin)
    html = client.get(reverse("governance:dashboard")).content.decode()
    for key in ("activity", "spend"):
        assert f'data-chart="{key}"' in html
        assert f'<title id="{key}-title">' in html and f'<desc id="{key}-desc">' in html
    # The readiness heatmap is a table (tests/governance/test_readiness_heatmap.py), titled and described.
    assert 'data-chart="readiness"' in html and 'id="readiness-title"' in html and 'id="readiness-desc"' in html
    assert html.count("Data table:") >= 4
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]  # the charts need no script


@pytest.mark.parametrize("url_name, role, bound", [("governance:dashboard", "ld", 30), ("governance:summary", "exec", 36)])
def test_dashboards_run_a_fixed_number_of_queries(client, ld_admin, executive, people, url_name, role, bound,
                                                  django_assert_max_num_queries):
    client.force_login(ld_admin if role == "ld" else executive)
    governance_world(admin=ld_admin, people=people, size=1)
    with django_assert_max_num_queries(bound):
        assert client.get(reverse(url_name), {"period": 365}).status_code == 200
    governance_world(admin=ld_admin, people=people + [make_user(team=people[0].team) for _ in range(6)], size=6)
    with django_assert_max_num_queries(bound):
        assert client.get(reverse(url_name), {"period": 365}).status_code == 200


def test_the_dashboard_exports_csv_and_xlsx(client, ld_admin, people):
    governance_world(admin=ld_admin, people=people)
    client.force_login(ld_admin)
    csv_response = client.get(reverse("governance:export", args=["csv"]))
    assert csv_response["Content-Type"].startswith("text/csv")
    text = csv_response.content.decode()
    assert text.startswith("section,metric,value,previous,change,compared_with")
    assert "engagement,Active learners,4," in text
    xlsx = client.get(reverse("governance:export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("section", "metric", "value", "previous", "change", "compared_with")
    assert ("engagement", "Active learners", 4) in {row[:3] for row in rows}
    assert client.get(reverse("governance:export", args=["pdf"])).status_code == 404


def test_an_executive_reads_the_summary_and_the_dashboard_behind_it(client, executive, ld_admin, people, learner):
    governance_world(admin=ld_admin, people=people)
    client.force_login(executive)
    html = client.get(reverse("governance:summary")).content.decode()
    assert "Executive summary" in html and 'data-testid="headline"' in html
    # The summary's details: the executive reads every figure (issue 18 item 7), changes nothing.
    assert client.get(reverse("governance:dashboard")).status_code == 200
    assert client.get(reverse("governance:export", args=["csv"])).status_code == 200
    client.force_login(learner)
    assert client.get(reverse("governance:dashboard")).status_code == 403


def test_business_kpis_are_shown_beside_the_teams_training(client, ld_admin, people):
    governance_world(admin=ld_admin, people=people)
    client.force_login(ld_admin)
    response = client.get(reverse("governance:dashboard"), {"period": 365})
    charts = response.context["business_charts"]
    assert charts and charts[0].headers[1:] == ["Sales cycle days", "Course completions"]


def _reviews(ld_admin, rows):
    """A course in review whose round has one assignment per (assigned, due, completed, decision) row,
    each for another reviewer."""
    course = make_course("Secure coding", lessons=1, quiz=False)
    workflow = Workflow.objects.create(name="Review")
    task = Task.objects.create(name="Peer review")
    state = WorkflowState.objects.create(content_type=course.content_type, base_content_type=course.content_type,
                                         object_id=str(course.pk), workflow=workflow, requested_by=ld_admin)
    task_state = TaskState.objects.create(workflow_state=state, task=task, revision=course.latest_revision)
    for assigned, due, done, decision in rows:
        ReviewAssignment.objects.create(task_state=task_state, reviewer=make_user(), course=course,
                                        assigned_at=assigned, due_at=due, completed_at=done, decision=decision)


def test_review_lead_time_and_sla_breaches_come_from_the_review_assignments(client, ld_admin):
    now = timezone.now()
    # Two days, on time; four days, late; and one still open past its due date.
    _reviews(ld_admin, [
        (now - timedelta(days=3), now + timedelta(days=1), now - timedelta(days=1), "approved"),
        (now - timedelta(days=5), now - timedelta(days=3), now - timedelta(days=1), "changes"),
        (now - timedelta(days=6), now - timedelta(days=1), None, "pending"),
    ])
    client.force_login(ld_admin)
    dash = client.get(reverse("governance:dashboard")).context["dash"]
    assert dash.sme["reviews_done"] == 2
    assert dash.sme["review_lead_time_days"] == 3.0
    assert dash.sme["review_sla_breaches"] == 2


def test_a_review_closed_or_reassigned_before_its_reviewer_decided_is_no_review_done(client, ld_admin):
    """Found by the recount: such assignments have a completion time, and were counted as reviews done."""
    now = timezone.now()
    _reviews(ld_admin, [
        (now - timedelta(days=3), now + timedelta(days=2), now - timedelta(days=1), "approved"),
        # The round ended (someone asked for changes) five days past this reviewer's due date: late.
        (now - timedelta(days=10), now - timedelta(days=5), now, "closed"),
        (now - timedelta(days=3), now + timedelta(days=2), now - timedelta(days=2), "reassigned"),
    ])
    client.force_login(ld_admin)
    dash = client.get(reverse("governance:dashboard")).context["dash"]
    assert (dash.sme["reviews_done"], dash.sme["review_lead_time_days"], dash.sme["review_sla_breaches"]) == (1, 2.0, 1)
    rows = client.get(reverse("governance:figure_rows", args=["reviews_done"])).context["total"]
    assert rows == 1


def test_reviews_decided_as_soon_as_assigned_have_a_lead_time_of_zero_days(client, ld_admin):
    """Found by the recount: an average of zero was shown as no value ("–")."""
    at = timezone.now() - timedelta(days=1)
    _reviews(ld_admin, [(at, at + timedelta(days=5), at, "approved")])
    client.force_login(ld_admin)
    dash = client.get(reverse("governance:dashboard")).context["dash"]
    written = {str(label): value for _key, _title, rows in dash.sections() for label, value, _f, _t in rows}
    assert dash.sme["review_lead_time_days"] == 0.0 and written["Review lead time (days)"] == "0"

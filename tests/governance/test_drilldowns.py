"""Every count on the L&D dashboard links to the rows behind it; the page lists exactly as many rows as
the figure says (demo, generated organisations), filters them, refuses filters that name nothing, and
exports them as CSV and XLSX."""

import csv
import io
import itertools
import random
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from governance.figures import COUNT, FIGURES
from governance.reports.drilldowns import DRILLDOWNS
from governance.selectors.dashboard import dashboard, parse_filters
from governance.services.rollups import refresh_rollups
from guild.people.models import Team, User
from tests.governance.organisations import build, random_organisation
from tests.governance.test_figures_recount import world  # noqa: F401 - the recount's shared courses and role
from tests.support.courses import enrol, make_course
from tests.support.governance import make_events
from tests.support.people import make_user

pytestmark = pytest.mark.django_db
_counter = itertools.count(500)


def _rows_on_page(client, key, params):
    response = client.get(reverse("governance:figure_rows", args=[key]), params)
    assert response.status_code == 200, (key, response.status_code)
    return response.context["total"]


def test_every_count_on_the_dashboard_has_a_drill_down():
    counts = {key for key, figure in FIGURES.items() if figure.kind == COUNT}
    assert counts == set(DRILLDOWNS)


def test_each_count_on_the_dashboard_links_to_its_rows_with_the_filters(client, ld_admin, team):
    make_events([make_user(team=team)], 3)
    refresh_rollups()
    client.force_login(ld_admin)
    html = client.get(reverse("governance:dashboard"), {"team": team.slug, "period": 30}).content.decode()
    for key in DRILLDOWNS:
        assert f'href="/governance/figures/{key}/?team={team.slug}&amp;period=30"' in html, key


def test_the_demo_counts_equal_their_rows(client):
    call_command("seed_demo")
    client.force_login(User.objects.get(email="admin@example.com"))
    team = Team.objects.filter(members__isnull=False).distinct().order_by("path").first()
    for params in ({}, {"period": 365}, {"team": team.slug, "period": 30}):
        dash = client.get(reverse("governance:dashboard"), params).context["dash"]
        assert dash.engagement["overdue"] > 0 or params
        for key in DRILLDOWNS:
            assert _rows_on_page(client, key, params) == dash.figure(key), (key, params)


@pytest.mark.parametrize("seed", range(6))
def test_generated_organisations_counts_equal_their_rows(client, world, seed):  # noqa: F811
    rnd = random.Random(seed)
    org, period, team = random_organisation(rnd), rnd.choice((30, 90, 365)), rnd.choice([None, 0, 1, 2])
    with transaction.atomic():
        teams = build(org, world, next(_counter))
        refresh_rollups()
        params = {"period": period, "team": teams[team].slug if team is not None else ""}
        dash = dashboard(parse_filters(params))
        client.force_login(world.admin)
        for key in DRILLDOWNS:
            assert _rows_on_page(client, key, params) == dash.figure(key), (key, params, org)
        transaction.set_rollback(True)


@pytest.fixture
def overdue_world(team):
    """Two courses; in `team`, 3 overdue enrolments (2 in SQL), 1 in progress, 1 completed; an overdue
    enrolment in another team."""
    sql, git = make_course("SQL drill", lessons=1, quiz=False), make_course("Git drill", lessons=1, quiz=False)
    past = timezone.localdate() - timedelta(days=3)
    people = [make_user(team=team, first_name=f"P{i}") for i in range(5)]
    for person, course in zip(people[:3], (sql, sql, git), strict=True):
        enrol(person, course, source="assigned", due_date=past)
    enrol(people[3], sql)
    done = enrol(people[4], sql)
    done.status, done.completed_at = "completed", timezone.now()
    done.save()
    other = Team.add_root(name="Elsewhere", slug="elsewhere")
    enrol(make_user(team=other), sql, source="assigned", due_date=past)
    refresh_rollups()
    return {"sql": sql, "git": git, "team": team}


def test_the_overdue_rows_filter_by_team_course_and_status(client, ld_admin, overdue_world):
    client.force_login(ld_admin)
    team, sql = overdue_world["team"], overdue_world["sql"]
    assert _rows_on_page(client, "overdue", {}) == 4
    assert _rows_on_page(client, "overdue", {"team": team.slug}) == 3
    assert _rows_on_page(client, "overdue", {"team": team.slug, "course": sql.pk}) == 2
    assert _rows_on_page(client, "enrolments", {"team": team.slug, "status": "completed"}) == 1
    page = client.get(reverse("governance:figure_rows", args=["overdue"]), {"team": team.slug})
    html = page.content.decode().split('data-testid="figure-rows"', 1)[1].split("</table>", 1)[0]
    assert "Git drill" in html and "SQL drill" in html and "Elsewhere" not in html


@pytest.mark.parametrize("params, status, says", [
    ({"team": "no-such-team"}, 404, "No team is called"),
    ({"period": "7"}, 400, "is not a period the dashboard knows"),
    ({"course": "999999"}, 404, "No course has the id"),
    ({"course": "sql"}, 404, "No course has the id"),
    ({"status": "lost"}, 400, "is not an enrolment status"),
])
def test_a_filter_that_names_nothing_is_refused_with_a_message(client, ld_admin, overdue_world, params, status, says):
    client.force_login(ld_admin)
    for url in (reverse("governance:figure_rows", args=["overdue"]),
                reverse("governance:figure_rows_export", args=["overdue", "csv"])):
        response = client.get(url, params)
        assert response.status_code == status
        html = response.content.decode()
        assert says in html and "SQL drill" not in html


def test_a_figure_that_is_not_a_count_has_no_rows_page(client, ld_admin):
    client.force_login(ld_admin)
    assert client.get(reverse("governance:figure_rows", args=["completion_rate_pct"])).status_code == 404
    assert client.get(reverse("governance:figure_rows", args=["nothing"])).status_code == 404
    assert client.get(reverse("governance:figure_rows_export", args=["overdue", "pdf"])).status_code == 404


def test_the_rows_export_as_csv_and_xlsx_with_the_filters(client, ld_admin, overdue_world):
    client.force_login(ld_admin)
    params = {"team": overdue_world["team"].slug}
    response = client.get(reverse("governance:figure_rows_export", args=["overdue", "csv"]), params)
    assert response["Content-Type"].startswith("text/csv") and "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["Person", "Email", "Team", "Course"] and len(rows) == 1 + 3
    response = client.get(reverse("governance:figure_rows_export", args=["overdue", "xlsx"]), params)
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 1 + 3 and sorted(sheet.cell(row=r, column=4).value for r in (2, 3, 4)) == [
        "Git drill", "SQL drill", "SQL drill"]


def test_people_who_do_not_read_the_dashboard_cannot_see_the_rows(client, manager, learner, overdue_world):
    for person in (manager, learner):
        client.force_login(person)
        assert client.get(reverse("governance:figure_rows", args=["overdue"])).status_code == 403
        assert client.get(reverse("governance:figure_rows_export", args=["overdue", "csv"])).status_code == 403


@pytest.mark.parametrize("key", ["overdue", "active_learners", "completions", "ratings", "reviews_done", "people",
                                 "authors_of_live_courses"])
def test_a_rows_page_runs_the_same_queries_at_two_sizes(client, ld_admin, team, key, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(ld_admin)
    course = make_course("Sized", lessons=1, quiz=False)
    counts = []
    for size in (3, 30):
        people = [make_user(team=team) for _ in range(size)]
        for person in people:
            enrol(person, course, source="assigned", due_date=timezone.localdate() - timedelta(days=1))
        make_events(people, size * 2, verbs=("experienced", "completed"))
        refresh_rollups()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("governance:figure_rows", args=[key]), {"team": team.slug}).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] and counts[0] <= 14, counts


def test_ld_admins_open_a_persons_transcript_from_their_row_and_executives_do_not(client, ld_admin, executive,
                                                                                 overdue_world):
    from courses.models import Enrolment

    someone = Enrolment.objects.filter(learner__team=overdue_world["team"], due_date__isnull=False).first().learner
    link = reverse("governance:learner_report", args=[someone.pk])
    url = reverse("governance:figure_rows", args=["overdue"])
    client.force_login(ld_admin)
    assert f'href="{link}"' in client.get(url).content.decode()
    client.force_login(executive)
    html = client.get(url).content.decode()
    assert someone.display_name in html and f'href="{link}"' not in html

"""The readiness heatmap is readable (HTML text of at least 12 px, a colour-blind-safe scale, a
legend) and each cell opens the people behind it, for L&D admins (all) and managers (their teams)."""

import re
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from guild.people.models import Team
from guild.people.roles import Role
from guild.skills.models import JobRole, PersonSkill, RoleSkillRequirement
from tests.support.courses import make_skill
from tests.support.people import make_user

pytestmark = pytest.mark.django_db
CSS = Path(__file__).resolve().parents[2] / "governance" / "static" / "governance" / "governance.css"


@pytest.fixture
def analysts(db):
    """Analytics: 4 analysts who need SQL at 3; 1 holds 4, 1 holds 3 (self-assessed), 1 holds 2, 1 none."""
    team = Team.add_root(name="Analytics", slug="analytics-heat")
    role = JobRole.objects.create(name="Analyst", slug="analyst")
    sql = make_skill("SQL")
    RoleSkillRequirement.objects.create(job_role=role, skill=sql, level=3)
    people = [make_user(team=team, job_role=role, first_name=name) for name in ("Ana", "Ben", "Cleo", "Dev")]
    for person, level in zip(people, (4, 3, 2), strict=False):
        PersonSkill.objects.create(person=person, skill=sql, level=level, source=PersonSkill.Source.SELF)
    return team, sql, people


def manager_of(team):
    boss = make_user(Role.MANAGER, team=team)
    team.manager = boss
    team.save(update_fields=["manager"])
    return boss


def drill_url(team, skill):
    return f"{reverse('governance:readiness_people')}?team={team.slug}&skill={skill.slug}"


def test_the_heatmap_is_a_table_of_text_with_a_legend_and_cells_that_link(client, ld_admin, analysts):
    team, sql, _people = analysts
    client.force_login(ld_admin)
    html = client.get(reverse("governance:dashboard")).content.decode()
    heatmap = html.split('data-testid="chart-readiness"', 1)[1].split("</figure>", 1)[0]

    assert "<svg" not in heatmap  # SVG text shrinks with its viewBox on a phone; table text does not
    assert 'class="heatmap-legend"' in heatmap and "80% or more" in heatmap and "under 20%" in heatmap
    cell = re.search(r'<td class="(heat-\d)"><a href="([^"]+)"[^>]*>50%', heatmap)
    assert cell, heatmap
    assert cell.group(1) == "heat-2"
    assert cell.group(2).replace("&amp;", "&") == drill_url(team, sql)
    assert "2 of 4 people: see who" in heatmap


def test_the_heatmap_text_is_at_least_12px_on_a_viridis_scale():
    css = CSS.read_text()
    size = re.search(r"\.heatmap \{[^}]*font-size: ([.\d]+)rem", css)
    assert size and float(size.group(1)) * 16 >= 12
    # Viridis, dark to light: readable with any colour-vision deficiency, and in greyscale.
    assert [c.lower() for c in re.findall(r"\.heat-\d \{ background: (#[0-9a-fA-F]{6})", css)] == [
        "#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"]


def test_a_cell_lists_the_people_behind_it_gaps_first(client, ld_admin, analysts):
    team, sql, _people = analysts
    client.force_login(ld_admin)
    html = client.get(drill_url(team, sql)).content.decode()
    assert "2 of 4 people whose job role requires this skill hold the level it requires (50%)." in html
    rows = re.findall(r'<tr><th scope="row">(\w+) Test</th>.*?(Meets|Below) the level', html, re.S)
    assert rows == [("Cleo", "Below"), ("Dev", "Below"), ("Ana", "Meets"), ("Ben", "Meets")]
    assert "Self-assessed" in html and "no level recorded" in html


def test_a_manager_drills_into_their_team_only(client, analysts):
    team, sql, _people = analysts
    boss = manager_of(team)
    other = Team.add_root(name="Sales", slug="sales-heat")
    client.force_login(boss)
    assert client.get(drill_url(team, sql)).status_code == 200
    assert client.get(drill_url(other, sql)).status_code == 403


@pytest.mark.parametrize("role", [Role.LEARNER, Role.EXECUTIVE, Role.EXPERT])
def test_other_roles_see_no_names(client, analysts, role):
    team, sql, _people = analysts
    client.force_login(make_user(role))
    assert client.get(drill_url(team, sql)).status_code == 403


def test_an_unknown_team_or_skill_is_not_found(client, ld_admin, analysts):
    team, sql, _people = analysts
    client.force_login(ld_admin)
    assert client.get(f"{reverse('governance:readiness_people')}?team=nope&skill={sql.slug}").status_code == 404
    assert client.get(f"{reverse('governance:readiness_people')}?team={team.slug}&skill=nope").status_code == 404


def test_the_drill_down_runs_the_same_queries_at_two_sizes(client, ld_admin, analysts):
    team, sql, people = analysts
    client.force_login(ld_admin)
    role = people[0].job_role
    counts = []
    for extra in (0, 30):
        for n in range(extra):
            person = make_user(team=team, job_role=role)
            if n % 2:
                PersonSkill.objects.create(person=person, skill=sql, level=n % 5 + 1, validated_by=ld_admin)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(drill_url(team, sql)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_a_manager_reads_their_teams_heatmap_at_home_and_drills_into_it(client, analysts):
    team, sql, _people = analysts
    boss = manager_of(team)
    elsewhere = Team.add_root(name="Sales", slug="sales-home")
    make_user(team=elsewhere, job_role=_people[0].job_role)
    client.force_login(boss)
    home = client.get(reverse("home")).content.decode()
    panel = home.split('data-testid="team-readiness"', 1)[1].split("</section>", 1)[0]
    assert "Analytics" in panel and "Sales" not in panel
    assert drill_url(team, sql).replace("&", "&amp;") in panel

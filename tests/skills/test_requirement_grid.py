"""L&D admins set the levels each job role requires in one grid (skills x job roles), saved at once."""

import pytest
from django.urls import reverse

from guild.people.roles import Role
from guild.skills.models import JobRole, RoleSkillRequirement
from tests.support.courses import make_skill
from tests.support.people import make_user

pytestmark = pytest.mark.django_db
URL = "skills:requirements"


def roles_and_skills(n_roles, n_skills, prefix=""):
    roles = [JobRole.objects.create(name=f"{prefix}Role {i}", slug=f"{prefix.lower()}role-{i}") for i in range(n_roles)]
    skills = [make_skill(f"{prefix}Skill {i}") for i in range(n_skills)]
    return roles, skills


def field(role, skill):
    return f"level-{role.pk}-{skill.pk}"


def test_an_ld_admin_sets_changes_and_removes_levels_in_one_save(client, ld_admin):
    (analyst, engineer), (sql, python) = roles_and_skills(2, 2)
    RoleSkillRequirement.objects.create(job_role=analyst, skill=sql, level=2)
    RoleSkillRequirement.objects.create(job_role=engineer, skill=sql, level=3)
    client.force_login(ld_admin)
    page = client.get(reverse(URL)).content.decode()
    assert f'name="{field(analyst, sql)}"' in page and 'aria-label="Role 0: Skill 0"' in page

    response = client.post(reverse(URL), {
        field(analyst, sql): "4",  # changed
        field(analyst, python): "3",  # added
        field(engineer, sql): "",  # removed
        field(engineer, python): "",  # stays absent
    }, follow=True)

    assert "1 added, 1 changed, 1 removed" in response.content.decode()
    assert set(RoleSkillRequirement.objects.values_list("job_role__slug", "skill__name", "level")) == {
        ("role-0", "Skill 0", 4), ("role-0", "Skill 1", 3)}


def test_a_bad_cell_saves_nothing_and_says_so(client, ld_admin):
    (analyst,), (sql, python) = roles_and_skills(1, 2)
    RoleSkillRequirement.objects.create(job_role=analyst, skill=sql, level=2)
    client.force_login(ld_admin)

    response = client.post(reverse(URL), {field(analyst, sql): "5", field(analyst, python): "9"})

    assert response.status_code == 400
    assert "nothing was saved" in response.content.decode()
    assert list(RoleSkillRequirement.objects.values_list("skill__name", "level")) == [("Skill 0", 2)]


@pytest.mark.parametrize("role", [Role.LEARNER, Role.MANAGER, Role.EXECUTIVE])
def test_other_roles_may_not_open_or_post_the_grid(client, role):
    (analyst,), (sql,) = roles_and_skills(1, 1)
    client.force_login(make_user(role))
    assert client.get(reverse(URL)).status_code == 403
    assert client.post(reverse(URL), {field(analyst, sql): "3"}).status_code == 403
    assert not RoleSkillRequirement.objects.exists()


def test_the_grid_says_what_to_do_when_there_is_nothing_to_grade(client, ld_admin):
    client.force_login(ld_admin)
    assert "No job roles or no skills yet" in client.get(reverse(URL)).content.decode()



def test_the_grid_runs_the_same_queries_at_two_sizes(client, ld_admin):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(ld_admin)
    counts = []
    for n_roles, n_skills, prefix in ((2, 3, "S"), (8, 25, "L")):
        RoleSkillRequirement.objects.all().delete()
        roles, skills = roles_and_skills(n_roles, n_skills, prefix)
        all_roles, all_skills = list(JobRole.objects.all()), list(skills[0].category.skills.all())
        data = {field(r, s): str(1 + (i + j) % 5) for i, r in enumerate(all_roles) for j, s in enumerate(all_skills)}
        with CaptureQueriesContext(connection) as get:
            assert client.get(reverse(URL)).status_code == 200
        with CaptureQueriesContext(connection) as post:
            assert client.post(reverse(URL), data).status_code == 302
        counts.append((len(get), len(post)))
    assert counts[0] == counts[1], counts
    assert RoleSkillRequirement.objects.count() == 10 * 28

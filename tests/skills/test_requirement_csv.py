"""Required levels from a CSV file (all or nothing, each bad line named) and back out to one."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from guild.people.roles import Role
from guild.skills.models import JobRole, RoleSkillRequirement
from tests.support.courses import make_skill
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework(db):
    analyst = JobRole.objects.create(name="Data analyst", slug="data-analyst")
    engineer = JobRole.objects.create(name="Engineer", slug="engineer")
    sql, python = make_skill("SQL"), make_skill("Python")
    RoleSkillRequirement.objects.create(job_role=engineer, skill=python, level=2)
    RoleSkillRequirement.objects.create(job_role=engineer, skill=sql, level=2)
    return analyst, engineer, sql, python


def upload(client, text):
    file = SimpleUploadedFile("levels.csv", text.encode(), content_type="text/csv")
    return client.post(reverse("skills:requirements_import"), {"file": file}, follow=True)


def levels():
    return set(RoleSkillRequirement.objects.values_list("job_role__name", "skill__name", "level"))


def test_an_import_sets_levels_by_name_or_slug_and_an_empty_level_removes_one(client, ld_admin, framework):
    client.force_login(ld_admin)
    response = upload(client, "job_role,skill,level\nData analyst,sql,3\ndata-analyst,Python,Proficient\n"
                              "Engineer,Python,4\nengineer,SQL,\n")
    assert "2 added, 1 changed, 1 removed" in response.content.decode()
    assert levels() == {("Data analyst", "SQL", 3), ("Data analyst", "Python", 3), ("Engineer", "Python", 4)}


def test_a_file_with_bad_lines_changes_nothing_and_names_each_line(client, ld_admin, framework):
    client.force_login(ld_admin)
    before = levels()
    response = upload(client, "job_role,skill,level\n"
                              "Data analyst,SQL,3\n"  # good, but not written: the file is refused
                              "Astronaut,SQL,2\n"
                              "Engineer,Juggling,2\n"
                              "Engineer,Python,7\n"
                              "Data analyst,sql,4\n"
                              "Engineer,Python\n")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Nothing was imported" in html
    assert "Line 3: Unknown job role “Astronaut”" in html
    assert "Line 4: Unknown skill “Juggling”" in html
    assert "Line 5: “7” is not a level" in html
    assert "Line 6: This job role and skill are already on line 2." in html
    assert "Line 7: Expected 3 values" in html
    assert levels() == before


def test_a_file_without_the_header_is_refused(client, ld_admin, framework):
    client.force_login(ld_admin)
    response = upload(client, "Data analyst,SQL,3\n")
    assert "Line 1: The first line must be exactly: job_role,skill,level." in response.content.decode()
    assert not RoleSkillRequirement.objects.filter(job_role__name="Data analyst").exists()


def test_the_export_reads_back_as_the_same_levels(client, ld_admin, framework):
    client.force_login(ld_admin)
    response = client.get(reverse("skills:requirements_export"))
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert text.splitlines() == ["job_role,skill,level", "Engineer,Python,2", "Engineer,SQL,2"]
    RoleSkillRequirement.objects.update(level=5)
    assert "0 added, 2 changed, 0 removed" in upload(client, text).content.decode()
    assert levels() == {("Engineer", "Python", 2), ("Engineer", "SQL", 2)}


@pytest.mark.parametrize("url", ["skills:requirements_import", "skills:requirements_export"])
def test_only_ld_admins_import_and_export(client, framework, url):
    client.force_login(make_user(Role.MANAGER))
    assert client.get(reverse(url)).status_code == 403

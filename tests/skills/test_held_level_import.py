"""People's held levels from a CSV file: all or nothing, each bad line named, source "import" with the
file's name and date, a validated level never lowered unless the file says so; and back out to a file
that round-trips."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from courses.skill_levels.assessment import record_own_level, review_level
from courses.skill_levels.held_levels import import_held_levels
from guild.skills.models import PersonSkill
from tests.support.courses import make_skill
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def skills(db):
    return make_skill("SQL"), make_skill("Python")


def upload(client, text, name="hr-assessment.csv"):
    file = SimpleUploadedFile(name, text.encode(), content_type="text/csv")
    return client.post(reverse("skills:held_import"), {"file": file}, follow=True)


def held():
    return {(h.person.email, h.skill.name): h for h in PersonSkill.objects.select_related("person", "skill")}


def test_an_import_adds_and_raises_levels_with_their_source_date_and_importer(client, ld_admin, learner, other_learner,
                                                                             skills):
    sql, python = skills
    record_own_level(person=learner, skill=sql, level=2)
    client.force_login(ld_admin)
    response = upload(client, "email,skill,level,date\n"
                              "ALICE@example.com,sql,4,2026-01-15\n"  # raised; email in any case, skill by slug
                              "alice@example.com,Python,Proficient,\n"  # added; level by name; no date: today
                              "bob@example.com,SQL,1,\n")
    assert response.status_code == 200
    assert "Skill levels imported: 2 added, 1 raised, 0 lowered, 0 confirmed, 0 unchanged." in response.content.decode()
    levels = held()
    raised = levels[(learner.email, "SQL")]
    assert (raised.level, raised.source, raised.source_detail) == (4, "import", "hr-assessment.csv")
    assert timezone.localdate(raised.assessed_at) == date(2026, 1, 15)
    assert raised.validated_by == ld_admin and raised.validated_at is not None and not raised.awaits_validation
    added = levels[(learner.email, "Python")]
    assert added.level == 3 and timezone.localdate(added.assessed_at) == timezone.localdate()
    assert levels[(other_learner.email, "SQL")].level == 1
    # The person sees where the level came from on their own page.
    client.force_login(learner)
    page = client.get(reverse("skills:mine")).content.decode()
    assert "Import (hr-assessment.csv)" in page and "validated by Priya" in page


def test_a_file_with_bad_lines_changes_nothing_and_names_each_line(client, ld_admin, learner, skills):
    sql, _python = skills
    record_own_level(person=learner, skill=sql, level=2)
    gone = make_user(email="gone@example.com", is_active=False)
    before = {key: (h.level, h.source) for key, h in held().items()}
    client.force_login(ld_admin)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = upload(client, "email,skill,level,date,lower_validated\n"
                              "alice@example.com,Python,3,,\n"  # good, but not written: the file is refused
                              "nobody@example.com,SQL,2,,\n"
                              f"{gone.email},SQL,2,,\n"
                              "alice@example.com,Juggling,2,,\n"
                              "alice@example.com,SQL,7,,\n"
                              f"alice@example.com,SQL,3,{tomorrow},\n"
                              "alice@example.com,SQL,3,15/01/2026,\n"
                              "alice@example.com,SQL,3,,maybe\n"
                              "alice@example.com,python,4,,\n"
                              "alice@example.com,SQL\n")
    html = response.content.decode()
    assert response.status_code == 400 and "Nothing was imported" in html
    assert "Line 3: Nobody has the email address “nobody@example.com”." in html
    assert "Line 4: The account of “gone@example.com” is deactivated" in html
    assert "Line 5: Unknown skill “Juggling”" in html
    assert "Line 6: “7” is not a level" in html
    assert f"Line 7: “{tomorrow}” is not a date" in html
    assert "Line 8: “15/01/2026” is not a date" in html
    assert "Line 9: “maybe” in lower_validated" in html
    assert "Line 10: This person and skill are already on line 2." in html
    assert "Line 11: Expected 5 values" in html
    assert {key: (h.level, h.source) for key, h in held().items()} == before


def test_a_header_that_is_not_the_format_is_refused(client, ld_admin, skills):
    client.force_login(ld_admin)
    response = upload(client, "person,skill,level\nalice@example.com,SQL,2\n")
    assert response.status_code == 400
    assert "Line 1: The first line must be email,skill,level, optionally followed by date,lower_validated." in (
        response.content.decode())
    assert upload(client, "email,skill,level\n").status_code == 400  # no data rows
    assert not PersonSkill.objects.exists()


def test_a_validated_level_is_lowered_only_when_the_file_says_so(client, ld_admin, manager, learner, other_learner,
                                                                 skills):
    sql, python = skills
    review_level(by=manager, held=record_own_level(person=learner, skill=sql, level=4))  # validated at 4
    record_own_level(person=other_learner, skill=sql, level=4)  # self-assessed, awaiting validation
    client.force_login(ld_admin)
    refused = upload(client, "email,skill,level\nalice@example.com,SQL,2\nbob@example.com,SQL,2\n"
                             "bob@example.com,Juggling,2\n")
    html = refused.content.decode()
    assert refused.status_code == 400
    assert "Line 2: alice@example.com holds SQL at level 4, validated" in html and "lower_validated" in html
    assert "Line 4: Unknown skill" in html  # every problem at once, in the file's order
    assert html.index("Line 2:") < html.index("Line 4:")
    assert held()[(learner.email, "SQL")].level == 4 and held()[(other_learner.email, "SQL")].level == 4

    response = upload(client, "email,skill,level,date,lower_validated\n"
                              "alice@example.com,SQL,2,,yes\nbob@example.com,SQL,2,,\n")
    assert "0 added, 0 raised, 2 lowered" in response.content.decode()
    levels = held()
    assert levels[(learner.email, "SQL")].level == 2 and levels[(learner.email, "SQL")].source == "import"
    assert levels[(other_learner.email, "SQL")].level == 2  # awaited validation: the file replaces it


def test_the_same_level_confirms_one_awaiting_validation_and_leaves_a_validated_one_as_it_is(
        client, ld_admin, manager, learner, skills):
    sql, python = skills
    validated = review_level(by=manager, held=record_own_level(person=learner, skill=sql, level=3))
    record_own_level(person=learner, skill=python, level=2)
    client.force_login(ld_admin)
    response = upload(client, "email,skill,level\nalice@example.com,SQL,3\nalice@example.com,Python,2\n")
    assert "0 lowered, 1 confirmed, 1 unchanged" in response.content.decode()
    levels = held()
    assert levels[(learner.email, "SQL")].validated_by == manager  # kept as the manager validated it
    assert levels[(learner.email, "SQL")].validated_at == validated.validated_at
    assert levels[(learner.email, "Python")].source == "import" and not levels[(learner.email, "Python")].awaits_validation


def test_the_export_round_trips_and_the_sample_is_importable(client, ld_admin, manager, learner, skills):
    sql, python = skills
    review_level(by=manager, held=record_own_level(person=learner, skill=sql, level=3))
    record_own_level(person=learner, skill=python, level=2)
    client.force_login(ld_admin)
    exported = client.get(reverse("skills:held_export"))
    assert exported["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(exported.content.decode())))
    today = timezone.localdate().isoformat()
    assert rows == [["email", "skill", "level", "date", "lower_validated"],
                    ["alice@example.com", "Python", "2", today, ""], ["alice@example.com", "SQL", "3", today, ""]]
    before = {key: (h.level, h.source, h.validated_at) for key, h in held().items() if key[1] == "SQL"}
    response = upload(client, exported.content.decode(), name="skill-levels.csv")
    assert "0 added, 0 raised, 0 lowered, 1 confirmed, 1 unchanged" in response.content.decode()
    assert {key: (h.level, h.source, h.validated_at) for key, h in held().items() if key[1] == "SQL"} == before
    sample = client.get(reverse("skills:held_export"), {"sample": "1"}).content.decode()
    assert sample.splitlines()[0] == "email,skill,level,date,lower_validated" and "Proficient" in sample


def test_only_ld_admins_import_or_export_levels(client, learner, manager, skills):
    for person in (learner, manager):
        client.force_login(person)
        assert client.get(reverse("skills:held_import")).status_code == 403
        assert upload(client, "email,skill,level\nalice@example.com,SQL,5\n").status_code == 403
        assert client.get(reverse("skills:held_export")).status_code == 403
    assert not PersonSkill.objects.exists()


def test_an_import_runs_a_fixed_number_of_queries(ld_admin, skills, django_assert_max_num_queries):
    sql, python = skills
    people = [make_user() for _ in range(30)]

    def file(count):
        lines = [f"{p.email},{skill.name},{1 + i % 5}" for i, p in enumerate(people[:count]) for skill in (sql, python)]
        return "email,skill,level\n" + "\n".join(lines) + "\n"

    with django_assert_max_num_queries(8):
        assert import_held_levels(by=ld_admin, text=file(3)).ok
    with django_assert_max_num_queries(8):  # ten times the lines, the same queries
        result = import_held_levels(by=ld_admin, text=file(30))
    assert result.ok and result.change.added == 54

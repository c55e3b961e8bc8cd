"""The REST API as an HR system, a BI tool or an LMS integrator uses it: bearer tokens with scopes,
errors as RFC 9457 problem details, cursor pages, django-filter filters, enrolments created with a
due date, and each person's token seeing what that person sees in the UI."""

import io
import itertools
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from courses.models import Enrolment
from guild.people.models import Team
from guild.people.roles import Role
from guild.people.tokens import create_token
from guild.skills.models import JobRole, PersonSkill, RoleSkillRequirement
from tests.support.courses import complete_course_for, enrol, make_course, make_skill
from tests.support.people import make_user

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"


_tokens = itertools.count()


def bearer(user, scopes="read"):
    token = create_token(user=user, name=f"test {scopes} {next(_tokens)}", scopes=scopes)[1]
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_every_error_is_a_problem_document(client, learner, ld_admin):
    missing = client.get("/api/people/")
    assert missing.status_code == 401 and missing["Content-Type"] == PROBLEM and missing["WWW-Authenticate"]
    assert missing.json()["type"] == "urn:guild:problem:not_authenticated" and missing.json()["status"] == 401
    refused = client.get("/api/people/", **bearer(learner))
    assert refused.status_code == 403 and refused.json()["detail"] == "Only L&D admins can use this endpoint."
    nothing = client.get("/api/no-such-thing/", **bearer(learner))
    assert nothing.status_code == 404 and nothing["Content-Type"] == PROBLEM and nothing.json()["title"] == "Not Found"
    bad = client.get("/api/enrolments/?status=lost&due_before=31/12/2026", **bearer(ld_admin, "read,admin"))
    assert bad.status_code == 400 and bad["Content-Type"] == PROBLEM
    assert {e["field"] for e in bad.json()["errors"]} == {"status", "due_before"}


def test_a_read_token_cannot_write_and_a_write_token_enrols_with_a_due_date(client, ld_admin, learner):
    learner.employee_id = "E-42"
    learner.save()
    course = make_course("Data protection", lessons=1, quiz=False)
    due = (timezone.localdate() + timedelta(days=30)).isoformat()
    body = {"person": "E-42", "course": course.pk, "due_date": due}
    read_only = client.post("/api/enrolments/", body, content_type="application/json", **bearer(ld_admin, "read,admin"))
    assert read_only.status_code == 403 and "“write” scope" in read_only.json()["detail"]
    assert not Enrolment.objects.exists()
    writer = bearer(ld_admin, "read,write,admin")
    created = client.post("/api/enrolments/", body, content_type="application/json", **writer)
    assert created.status_code == 201, created.json()
    assert created.json()["due_date"] == due and created.json()["learner_employee_id"] == "E-42"
    assert created.json()["source"] == "assigned"
    again = client.post("/api/enrolments/", body, content_type="application/json", **writer)
    assert again.status_code == 200 and again.json()["id"] == created.json()["id"]
    assert Enrolment.objects.get().assigned_by == ld_admin


def test_bad_enrolments_are_refused_field_by_field_and_create_nothing(client, ld_admin, learner):
    draft = make_course("Draft", lessons=0, publish=False)
    writer = bearer(ld_admin, "read,write,admin")
    response = client.post("/api/enrolments/", {"person": "nobody@example.com", "course": draft.pk, "due_date": "soon"},
                           content_type="application/json", **writer)
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {"person", "course", "due_date"}
    assert not Enrolment.objects.exists()
    learner_writes = client.post("/api/enrolments/", {"person": learner.email, "course": draft.pk},
                                 content_type="application/json", **bearer(learner, "read,write"))
    assert learner_writes.status_code == 403


def test_enrolments_filter_by_person_team_status_and_dates_on_stable_cursor_pages(client, ld_admin, learner, team):
    course, other = make_course("SQL", lessons=1, quiz=False), make_course("Excel", lessons=1, quiz=False)
    outsider = make_user(email="out@example.com", team=Team.add_root(name="Sales", slug="sales"))
    complete_course_for(learner, course)
    enrol(learner, other, due_date=timezone.localdate() - timedelta(days=3))
    enrol(outsider, course)
    headers = bearer(ld_admin, "read,admin")

    def rows(query):
        response = client.get(f"/api/enrolments/?{query}", **headers)
        assert response.status_code == 200, response.json()
        return [(r["learner"], r["course_title"]) for r in response.json()["results"]]

    assert rows(f"team={team.slug}") == [(learner.email, "SQL"), (learner.email, "Excel")]
    assert rows("person=out@example.com") == [(outsider.email, "SQL")]
    assert rows("status=completed") == [(learner.email, "SQL")]
    assert rows(f"due_before={timezone.localdate().isoformat()}") == [(learner.email, "Excel")]
    today = timezone.now().replace(microsecond=0) - timedelta(hours=1)
    assert len(rows(f"completed_after={today.isoformat().replace('+00:00', 'Z')}")) == 1
    seen, url = [], "/api/enrolments/?page_size=1"
    while url:
        page = client.get(url, **headers).json()
        seen += [r["id"] for r in page["results"]]
        url = page["next"]
    assert seen == sorted(Enrolment.objects.values_list("pk", flat=True))


def test_a_persons_token_sees_what_they_see_in_the_ui(client, learner, other_learner, manager):
    course = make_course("Negotiation", lessons=1, quiz=False)
    stranger = make_user(email="stranger@example.com")
    for person in (learner, other_learner, stranger):
        complete_course_for(person, course)
    own = client.get("/api/certificates/", **bearer(learner)).json()["results"]
    assert [c["learner"] for c in own] == [learner.email]
    team_view = {c["learner"] for c in client.get("/api/certificates/", **bearer(manager)).json()["results"]}
    assert team_view == {learner.email, other_learner.email}
    theirs = Enrolment.objects.get(learner=stranger).pk
    assert client.get(f"/api/enrolments/{theirs}/", **bearer(learner)).status_code == 404
    assert client.get(f"/api/enrolments/{theirs}/", **bearer(manager)).status_code == 404


def test_teams_are_written_by_slug_and_placed_in_the_tree(client, ld_admin):
    writer = bearer(ld_admin, "read,write,admin")
    assert client.post("/api/teams/", {"slug": "eng", "name": "Engineering"}, content_type="application/json",
                       **writer).status_code == 201
    child = client.post("/api/teams/", {"slug": "eng-data", "name": "Data", "parent": "eng", "manager": ld_admin.email},
                        content_type="application/json", **writer)
    assert child.status_code == 201 and child.json()["parent"] == "eng"
    assert Team.objects.get(slug="eng-data").get_parent().slug == "eng"
    loop = client.patch("/api/teams/eng/", {"parent": "eng-data"}, content_type="application/json", **writer)
    assert loop.status_code == 400 and loop.json()["errors"][0]["field"] == "parent"
    clash = client.post("/api/teams/", {"slug": "eng", "name": "Again"}, content_type="application/json", **writer)
    assert clash.status_code == 409 and clash["Content-Type"] == PROBLEM


def test_job_roles_carry_required_levels_and_people_their_held_levels(client, learner, other_learner):
    sql = make_skill("SQL")
    role = JobRole.objects.create(name="Analyst", slug="analyst")
    RoleSkillRequirement.objects.create(job_role=role, skill=sql, level=3)
    PersonSkill.objects.create(person=learner, skill=sql, level=2)
    PersonSkill.objects.create(person=other_learner, skill=sql, level=4)
    headers = bearer(learner)
    assert client.get("/api/job-roles/analyst/", **headers).json()["requirements"] == [{"skill": sql.slug, "level": 3}]
    held = client.get("/api/person-skills/", **headers).json()["results"]
    assert [(h["person"], h["skill"], h["level"]) for h in held] == [(learner.email, sql.slug, 2)]


def test_operators_revoke_a_token_by_its_name(client, ld_admin):
    out = io.StringIO()
    call_command("api_token", "create", "--email", ld_admin.email, "--scopes", "read", "--name", "BI tool", stdout=out)
    token = out.getvalue().strip().splitlines()[-1]
    assert client.get("/api/courses/", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
    call_command("api_token", "revoke", "BI tool", stdout=io.StringIO())
    assert client.get("/api/courses/", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401


def test_people_read_by_ld_admins_only_and_executives_read_figures(client, executive, learner):
    assert client.get("/api/people/", **bearer(executive)).status_code == 403
    figures = client.get("/api/governance/dashboard/?period=30", **bearer(executive))
    assert figures.status_code == 200 and figures.json()["period_days"] == 30
    assert client.get("/api/governance/dashboard/?period=", **bearer(executive)).status_code == 400
    assert Role.LD_ADMIN not in [g.name for g in learner.groups.all()]


def test_a_reference_no_record_can_hold_is_a_field_error_not_a_server_error(client, ld_admin, learner):
    """A NUL character (PostgreSQL cannot store one) in a team's parent or manager, or a person's team
    or job role: that names nothing, a 400 on the field, and nothing is written."""
    writer = bearer(ld_admin, "read,write,admin")
    for body in ({"slug": "eng", "name": "Engineering", "parent": "a\u0000b"},
                 {"slug": "eng", "name": "Engineering", "manager": "x\u0000@example.com"}):
        response = client.post("/api/teams/", body, content_type="application/json", **writer)
        assert response.status_code == 400 and response["Content-Type"] == PROBLEM, body
        assert [e["field"] for e in response.json()["errors"]] == [next(k for k in body if k not in ("slug", "name"))]
    learner.employee_id = "E-7"
    learner.save()
    for field in ("team", "job_role"):
        response = client.patch("/api/people/E-7/", {field: "\u0000"}, content_type="application/json", **writer)
        assert response.status_code == 400 and response.json()["errors"][0]["field"] == field
    assert not Team.objects.filter(slug="eng").exists()


def test_no_parent_is_null_and_an_empty_string_is_refused_as_the_schema_says(client, ld_admin):
    writer = bearer(ld_admin, "read,write,admin")
    empty = client.post("/api/teams/", {"slug": "eng", "name": "Engineering", "parent": ""},
                        content_type="application/json", **writer)
    assert empty.status_code == 400
    assert empty.json()["errors"] == [{"field": "parent", "detail": "Send null for none, not an empty string.",
                                       "code": "blank"}]
    assert not Team.objects.filter(slug="eng").exists()
    assert client.post("/api/teams/", {"slug": "eng", "name": "Engineering", "parent": None},
                       content_type="application/json", **writer).status_code == 201


def test_hr_gives_an_employee_id_to_someone_sso_created_without_one(client, ld_admin, learner):
    writer = bearer(ld_admin, "read,write,admin")
    assert learner.employee_id == ""
    # No employee id yet is null in the API (never ""), in the list and in the record.
    listed = client.get("/api/people/", {"email": learner.email}, **writer).json()["results"]
    assert [p["employee_id"] for p in listed] == [None]
    clash = client.post("/api/people/", {"employee_id": "E-9", "email": learner.email},
                        content_type="application/json", **writer)
    assert clash.status_code == 409  # the person exists: HR addresses them by email instead
    found = client.get(f"/api/people/{learner.email.upper()}/", **writer)
    assert found.status_code == 200 and found.json()["email"] == learner.email
    given = client.patch(f"/api/people/{learner.email}/", {"employee_id": "E-9"}, content_type="application/json",
                         **writer)
    assert given.status_code == 200 and given.json()["employee_id"] == "E-9"
    assert client.get("/api/people/E-9/", **writer).json()["email"] == learner.email
    # Once they have an employee id, that is their key.
    assert client.get(f"/api/people/{learner.email}/", **writer).status_code == 404
    # HR takes it back with null: addressed by email again, and null is stored as "no id".
    cleared = client.patch("/api/people/E-9/", {"employee_id": None}, content_type="application/json", **writer)
    assert cleared.status_code == 200 and cleared.json()["employee_id"] is None
    learner.refresh_from_db()
    assert learner.employee_id == ""
    assert client.get(f"/api/people/{learner.email}/", **writer).status_code == 200

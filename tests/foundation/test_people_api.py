import pytest

from guild.people.models import User
from guild.people.roles import Role

pytestmark = pytest.mark.django_db


def test_hr_sync_creates_a_learner_and_updates_them_by_employee_id(client, ld_admin, team):
    client.force_login(ld_admin)
    response = client.post(
        "/api/people/",
        {"employee_id": "E-1001", "email": "New.Person@Example.com", "first_name": "New", "last_name": "Person",
         "team": team.slug, "timezone": "Europe/Paris"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    person = User.objects.get(employee_id="E-1001")
    assert person.email == "new.person@example.com" and person.team == team and person.has_role(Role.LEARNER)
    assert not person.has_usable_password()
    response = client.patch("/api/people/E-1001/", {"job_title": "Analyst", "is_active": False}, content_type="application/json")
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.job_title == "Analyst" and not person.is_active


def test_bad_input_is_refused_field_by_field_and_creates_nothing(client, ld_admin):
    client.force_login(ld_admin)
    response = client.post(
        "/api/people/",
        {"employee_id": "E-2", "email": "not-an-email", "team": "no-such-team", "timezone": "Mars/Base"},
        content_type="application/json",
    )
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    errors = response.json()["errors"]
    assert {e["field"] for e in errors} >= {"email", "team", "timezone"}
    assert not User.objects.filter(employee_id="E-2").exists()


def test_people_cannot_be_deleted_through_the_api(client, ld_admin, learner):
    learner.employee_id = "E-9"
    learner.save()
    client.force_login(ld_admin)
    assert client.delete("/api/people/E-9/").status_code == 405


@pytest.mark.parametrize("fixture", ["learner", "expert", "reviewer", "manager", "executive"])
def test_only_ld_admins_use_the_hr_sync(client, request, fixture):
    client.force_login(request.getfixturevalue(fixture))
    assert client.get("/api/people/").status_code == 403
    assert client.get("/api/teams/").status_code == 403


def test_anonymous_callers_are_refused(client):
    assert client.get("/api/people/").status_code in (401, 403)


def test_people_list_runs_a_fixed_number_of_queries(client, ld_admin, django_assert_max_num_queries):
    from tests.support.people import make_user

    client.force_login(ld_admin)
    for _ in range(3):
        make_user()
    with django_assert_max_num_queries(8):
        assert client.get("/api/people/").status_code == 200
    for _ in range(30):
        make_user(Role.EXPERT)
    with django_assert_max_num_queries(8):
        assert len(client.get("/api/people/").json()["results"]) >= 33

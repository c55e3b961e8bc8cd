"""The hire date ("new hire" in enrolment rules) comes from SCIM, in Guild's extension (the enterprise
one has none): set on create, changed by PATCH, read back, refused when it is not a date."""

import pytest

from guild.people.models import User

from .test_scim_users import ENTERPRISE, USER, alice, patch

pytestmark = pytest.mark.django_db
GUILD = "urn:ietf:params:scim:schemas:extension:guild:2.0:User"


def with_hire_date(value):
    return alice(schemas=[USER, ENTERPRISE, GUILD], **{GUILD: {"hireDate": value}})


def test_a_user_created_with_a_hire_date_has_it_and_reads_it_back(scim):
    response = scim.post("/Users", with_hire_date("2026-11-02"))
    assert response.status_code == 201, response.content
    person = User.objects.get(email="ada@example.com")
    assert person.hire_date.isoformat() == "2026-11-02"
    assert scim.get(f"/Users/{person.pk}").json()[GUILD]["hireDate"].startswith("2026-11-02")


def test_a_patch_sets_the_hire_date_and_a_payload_without_it_keeps_it(scim):
    person_id = scim.post("/Users", alice()).json()["id"]
    assert User.objects.get(pk=person_id).hire_date is None
    response = scim.patch(f"/Users/{person_id}", patch(
        {"op": "add", "path": f"{GUILD}:hireDate", "value": "2026-10-01T00:00:00Z"}))
    assert response.status_code == 200, response.content
    assert User.objects.get(pk=person_id).hire_date.isoformat() == "2026-10-01"
    scim.patch(f"/Users/{person_id}", patch({"op": "replace", "path": "title", "value": "Analyst"}))
    assert User.objects.get(pk=person_id).hire_date.isoformat() == "2026-10-01"


def test_a_hire_date_that_is_not_a_date_is_refused_and_nothing_is_written(scim):
    response = scim.post("/Users", with_hire_date("next monday"))
    assert response.status_code == 400
    assert "hireDate" in response.content.decode()
    assert not User.objects.filter(email="ada@example.com").exists()


def test_the_extension_is_published_in_the_schemas(scim):
    ids = [s["id"] for s in scim.get("/Schemas").json()["Resources"]]
    assert GUILD in ids
    user_type = scim.get("/ResourceTypes/User").json()
    assert GUILD in [e["schema"] for e in user_type["schemaExtensions"]]


def test_a_provider_that_maps_no_hire_date_never_wipes_the_one_hr_set(scim):
    person_id = scim.post("/Users", alice()).json()["id"]
    User.objects.filter(pk=person_id).update(hire_date="2026-09-01")  # from the people API, or L&D
    assert scim.put(f"/Users/{person_id}", alice()).status_code == 200
    assert User.objects.get(pk=person_id).hire_date.isoformat() == "2026-09-01"
    assert scim.get(f"/Users/{person_id}").json()[GUILD]["hireDate"].startswith("2026-09-01")


def test_a_provider_that_removes_its_hire_date_clears_it(scim):
    person_id = scim.post("/Users", with_hire_date("2026-11-02")).json()["id"]
    response = scim.patch(f"/Users/{person_id}", patch({"op": "remove", "path": f"{GUILD}:hireDate"}))
    assert response.status_code == 200, response.content
    assert User.objects.get(pk=person_id).hire_date is None
    assert GUILD not in scim.get(f"/Users/{person_id}").json()

"""SCIM Users as Okta and Microsoft Entra provision them: create, find, PATCH in their shapes, PUT,
and bad input refused in SCIM's error shape with nothing written."""

import pytest

from guild.people.models import Team, User
from guild.scim.models import ScimUser

pytestmark = pytest.mark.django_db

USER = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp"


def alice(**extra):
    return {"schemas": [USER, ENTERPRISE], "userName": "ada@example.com", "externalId": "00u1okta",
            "name": {"givenName": "Alice", "familyName": "Martin"}, "title": "Data analyst", "active": True,
            "emails": [{"value": "ada@example.com", "type": "work", "primary": True}],
            ENTERPRISE: {"employeeNumber": "E-100", "department": "Analytics"}, **extra}


def patch(*operations):
    return {"schemas": [PATCH_OP], "Operations": list(operations)}


def created(scim, body=None):
    response = scim.post("/Users", body or alice())
    assert response.status_code == 201, response.content
    return response.json()


def test_a_user_is_created_as_a_verified_learner_and_reads_back(scim, team):
    body = created(scim)
    person = User.objects.get(email="ada@example.com")
    assert (person.first_name, person.last_name, person.job_title, person.employee_id) == (
        "Alice", "Martin", "Data analyst", "E-100")
    assert person.team == team  # the department names a Guild team
    assert person.is_active and not person.has_usable_password()
    assert person.emailaddress_set.get().verified
    assert person.has_role("Learner")
    assert body["id"] == str(person.pk) and body["externalId"] == "00u1okta"
    assert body["meta"]["location"].endswith(f"/scim/v2/Users/{person.pk}")
    again = scim.get(f"/Users/{person.pk}").json()
    assert again["userName"] == "ada@example.com" and again[ENTERPRISE]["employeeNumber"] == "E-100"
    assert again["groups"][0]["value"] == str(team.pk)


def test_filters_find_people_by_user_name_external_id_and_email(scim, learner):
    person = created(scim)
    for query in ('userName eq "ADA@example.com"', 'externalId eq "00u1okta"',
                  'emails.value eq "ada@example.com"', 'emails[value eq "ada@example.com"]'):
        found = scim.get("/Users", {"filter": query}).json()
        assert [r["id"] for r in found["Resources"]] == [person["id"]], query
    # Someone Guild knew before SCIM is found by email, to be linked rather than duplicated.
    known = scim.get("/Users", {"filter": f'userName eq "{learner.email}"'}).json()
    assert known["totalResults"] == 1 and known["Resources"][0]["id"] == str(learner.pk)
    assert scim.get("/Users", {"filter": 'userName eq "nobody@example.com"'}).json()["totalResults"] == 0


def test_pagination_counts_from_start_index(scim, user_factory):
    people = [user_factory() for _ in range(3)]
    ids = sorted(str(p.pk) for p in User.objects.all())
    page = scim.get("/Users", {"startIndex": 2, "count": 2}).json()
    assert page["totalResults"] == len(ids) and page["startIndex"] == 2 and page["itemsPerPage"] == 2
    assert [r["id"] for r in page["Resources"]] == ids[1:3]
    assert len(people) == 3


def test_okta_patch_deactivates_then_reactivates(scim):
    person = created(scim)
    response = scim.patch(f"/Users/{person['id']}", patch({"op": "replace", "value": {"active": False}}))
    assert response.status_code == 200 and response.json()["active"] is False
    assert not User.objects.get(pk=person["id"]).is_active
    scim.patch(f"/Users/{person['id']}", patch({"op": "replace", "value": {"active": True}}))
    assert User.objects.get(pk=person["id"]).is_active


def test_entra_patch_shapes_are_understood(scim):
    person = created(scim)
    entra = patch(
        {"op": "Replace", "path": "active", "value": "False"},
        {"op": "Replace", "path": "title", "value": "Lead analyst"},
        {"op": "Add", "path": 'emails[type eq "work"].value', "value": "ada@example.com"},
        {"op": "Replace", "value": {"name.familyName": "Durand", f"{ENTERPRISE}:employeeNumber": "E-200"}},
    )
    response = scim.patch(f"/Users/{person['id']}", entra)
    assert response.status_code == 200, response.content
    person = User.objects.get(pk=person["id"])
    assert (person.is_active, person.job_title, person.last_name, person.employee_id) == (
        False, "Lead analyst", "Durand", "E-200")
    scim.patch(f"/Users/{person.pk}", patch({"op": "Replace", "path": "active", "value": "True"}))
    assert User.objects.get(pk=person.pk).is_active


def test_put_replaces_the_person(scim):
    person = created(scim)
    body = alice(title="Analyst II", name={"givenName": "Alicia", "familyName": "Martin"})
    response = scim.put(f"/Users/{person['id']}", body)
    assert response.status_code == 200 and response.json()["name"]["givenName"] == "Alicia"
    assert User.objects.get(pk=person["id"]).job_title == "Analyst II"


def test_a_user_name_taken_is_a_409_uniqueness_error_and_nothing_is_written(scim, learner):
    created(scim)
    before = (User.objects.count(), ScimUser.objects.count())
    for body in (alice(externalId="other"),  # same userName
                 alice(userName=learner.email, emails=[{"value": learner.email, "primary": True}])):
        response = scim.post("/Users", body)
        assert response.status_code == 409
        assert response.json()["scimType"] == "uniqueness"
        assert response.json()["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]
    assert (User.objects.count(), ScimUser.objects.count()) == before


@pytest.mark.parametrize(("send", "status", "scim_type"), [
    ({"raw": "{not json"}, 400, "invalidSyntax"),
    ({"body": alice(favouriteColour="blue")}, 400, None),  # an attribute the User schema lacks
    ({"body": alice(userName="")}, 400, None),
    ({"body": alice(title="x" * 121)}, 400, "invalidValue"),
    ({"body": alice(userName="not-an-email", emails=[{"value": "nope"}])}, 400, "invalidValue"),
])
def test_bad_input_is_refused_and_creates_nobody(scim, send, status, scim_type):
    response = scim.post("/Users", send.get("body"), raw=send.get("raw"))
    assert response.status_code == status, response.content
    error = response.json()
    assert error["status"] == str(status) and error["detail"]
    if scim_type:
        assert error["scimType"] == scim_type
    assert not User.objects.filter(email="ada@example.com").exists() and not ScimUser.objects.exists()


def test_a_malformed_or_unknown_filter_is_invalid_filter(scim):
    for query in ('userName eq', 'userName xx "a"', 'nickName eq "al"'):
        response = scim.get("/Users", {"filter": query})
        assert response.status_code == 400, query
        assert response.json()["scimType"] == "invalidFilter", (query, response.json())


def test_a_bad_patch_leaves_the_person_as_they_were(scim):
    person = created(scim)
    response = scim.patch(f"/Users/{person['id']}", patch(
        {"op": "replace", "path": "title", "value": "Changed"},
        {"op": "replace", "path": "favouriteColour", "value": "blue"}))
    assert response.status_code == 400
    assert User.objects.get(pk=person["id"]).job_title == "Data analyst"


def test_an_unknown_user_is_a_404_in_scim_shape(scim):
    for path in ("/Users/999999", "/Users/abc", "/Nothing"):
        response = scim.get(path)
        assert response.status_code == 404 and response.json()["status"] == "404"


def test_discovery_endpoints_describe_the_service(scim):
    config = scim.get("/ServiceProviderConfig").json()
    assert config["patch"]["supported"] and config["filter"]["supported"] and not config["bulk"]["supported"]
    assert {r["name"] for r in scim.get("/ResourceTypes").json()["Resources"]} == {"User", "Group"}
    schemas = {s["id"] for s in scim.get("/Schemas").json()["Resources"]}
    assert {USER, ENTERPRISE, "urn:ietf:params:scim:schemas:core:2.0:Group"} <= schemas
    assert scim.get(f"/Schemas/{USER}").json()["attributes"]
    assert Team.objects.count() == 0

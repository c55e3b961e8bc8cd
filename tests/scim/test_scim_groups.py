"""SCIM Groups are Guild teams: created, renamed, members added and removed the Okta and Entra way."""

import pytest

from guild.people.models import Team, User

pytestmark = pytest.mark.django_db

GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp"


def patch(*operations):
    return {"schemas": [PATCH_OP], "Operations": list(operations)}


def test_a_group_is_a_team_with_its_members(scim, learner, other_learner):
    response = scim.post("/Groups", {"schemas": [GROUP], "displayName": "Data guild", "externalId": "g-1",
                                     "members": [{"value": str(learner.pk), "display": "ignored"}]})
    assert response.status_code == 201, response.content
    team = Team.objects.get(name="Data guild")
    assert list(team.members.all()) == [learner]
    found = scim.get("/Groups", {"filter": 'displayName eq "data guild"'}).json()
    assert found["totalResults"] == 1 and found["Resources"][0]["externalId"] == "g-1"
    assert found["Resources"][0]["members"] == [
        {"value": str(learner.pk), "type": "User", "$ref": f"http://testserver/scim/v2/Users/{learner.pk}"}]
    assert scim.get("/Groups", {"filter": 'externalId eq "g-1"'}).json()["totalResults"] == 1


def test_okta_adds_and_removes_members(scim, learner, other_learner):
    team = Team.objects.get(pk=scim.post("/Groups", {"schemas": [GROUP], "displayName": "Ops"}).json()["id"])
    response = scim.patch(f"/Groups/{team.pk}", patch(
        {"op": "add", "path": "members", "value": [{"value": str(learner.pk), "display": "Learner"},
                                                   {"value": str(other_learner.pk)}]}))
    assert response.status_code == 200, response.content
    assert set(team.members.all()) == {learner, other_learner}
    scim.patch(f"/Groups/{team.pk}", patch({"op": "remove", "path": f'members[value eq "{learner.pk}"]'}))
    assert list(team.members.all()) == [other_learner]
    scim.patch(f"/Groups/{team.pk}", patch({"op": "replace", "value": {"displayName": "Operations"}}))
    assert Team.objects.get(pk=team.pk).name == "Operations"


def test_entra_removes_members_by_value_and_renames_with_capitalised_ops(scim, learner, other_learner):
    team = Team.objects.get(pk=scim.post("/Groups", {"schemas": [GROUP], "displayName": "Sales", "members": [
        {"value": str(learner.pk)}, {"value": str(other_learner.pk)}]}).json()["id"])
    response = scim.patch(f"/Groups/{team.pk}", patch(
        {"op": "Remove", "path": "members", "value": [{"value": str(learner.pk)}]},
        {"op": "Replace", "path": "displayName", "value": "Sales EMEA"}))
    assert response.status_code == 200, response.content
    assert list(team.members.all()) == [other_learner]
    assert User.objects.get(pk=learner.pk).team is None
    assert Team.objects.get(pk=team.pk).name == "Sales EMEA"


def test_an_unknown_member_is_refused_and_nothing_changes(scim, learner):
    team = Team.objects.get(pk=scim.post("/Groups", {"schemas": [GROUP], "displayName": "QA", "members": [
        {"value": str(learner.pk)}]}).json()["id"])
    response = scim.patch(f"/Groups/{team.pk}", patch(
        {"op": "replace", "path": "displayName", "value": "QA 2"},
        {"op": "add", "path": "members", "value": [{"value": "999999"}]}))
    assert response.status_code == 400 and response.json()["scimType"] == "invalidValue"
    team.refresh_from_db()
    assert team.name == "QA" and list(team.members.all()) == [learner]


def test_deleting_a_group_deletes_the_team_but_not_its_people(scim, learner):
    team_id = scim.post("/Groups", {"schemas": [GROUP], "displayName": "Temp", "members": [
        {"value": str(learner.pk)}]}).json()["id"]
    assert scim.delete(f"/Groups/{team_id}").status_code == 204
    assert scim.get(f"/Groups/{team_id}").status_code == 404
    assert User.objects.get(pk=learner.pk).team is None


def test_a_team_with_sub_teams_is_not_deleted(scim, team):
    team.add_child(name="Sub", slug="sub")
    response = scim.delete(f"/Groups/{team.pk}")
    assert response.status_code == 409 and "Sub" not in response.json()["detail"]
    assert Team.objects.filter(pk=team.pk).exists()


def test_listing_runs_a_fixed_number_of_queries(scim, user_factory, django_assert_max_num_queries):
    for n in range(4):
        team = Team.add_root(name=f"Team {n}", slug=f"team-{n}")
        user_factory(team=team)
    with django_assert_max_num_queries(12):
        groups = scim.get("/Groups").json()
    assert groups["totalResults"] == 4 and all(len(g["members"]) == 1 for g in groups["Resources"])
    with django_assert_max_num_queries(12):
        assert scim.get("/Users").json()["totalResults"] == 5  # with the token's L&D admin

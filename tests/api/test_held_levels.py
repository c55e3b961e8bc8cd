"""Held skill levels through the API carry where each came from and who validated it, as the skills
pages show them: an HR or BI system can tell a manager-validated level from one awaiting validation."""

import pytest

from courses.skill_levels.assessment import record_own_level, review_level
from guild.skills.models import PersonSkill
from tests.api.test_rest_api import bearer
from tests.support.courses import make_skill

pytestmark = pytest.mark.django_db


def test_each_held_level_carries_its_source_and_its_validation(client, learner, manager, ld_admin):
    sql, python = make_skill("SQL"), make_skill("Python")
    validated = review_level(by=manager, held=record_own_level(person=learner, skill=sql, level=3))
    record_own_level(person=learner, skill=python, level=2)  # waits for the manager
    rows = {r["skill"]: r for r in client.get("/api/person-skills/", **bearer(ld_admin, "read,admin")).json()["results"]}

    assert rows[sql.slug]["source"] == "self" and rows[sql.slug]["validated_by"] == manager.email
    assert rows[sql.slug]["validated_at"] == validated.validated_at.isoformat().replace("+00:00", "Z")
    assert rows[sql.slug]["awaiting_validation"] is False
    assert rows[python.slug]["validated_by"] is None and rows[python.slug]["validated_at"] is None
    assert rows[python.slug]["awaiting_validation"] is True and rows[python.slug]["source_detail"] == ""


def test_held_levels_filter_by_source_and_validation(client, learner, manager, ld_admin):
    sql, python, excel = make_skill("SQL"), make_skill("Python"), make_skill("Excel")
    review_level(by=manager, held=record_own_level(person=learner, skill=sql, level=3))
    record_own_level(person=learner, skill=python, level=2)
    PersonSkill.objects.create(person=learner, skill=excel, level=4, source=PersonSkill.Source.IMPORT,
                               source_detail="hr-skills.csv")
    headers = bearer(ld_admin, "read,admin")  # everyone's levels: the L&D admin role, which needs the admin scope

    def skills(query):
        response = client.get(f"/api/person-skills/?{query}", **headers)
        assert response.status_code == 200, response.json()
        return sorted(r["skill"] for r in response.json()["results"])

    assert skills("validated=true") == [sql.slug]
    assert skills("validated=false") == sorted([python.slug, excel.slug])
    assert skills("source=import") == [excel.slug]
    assert client.get("/api/person-skills/?source=guess", **headers).status_code == 400
    assert client.get("/api/person-skills/?validated=maybe", **headers).status_code == 400

""""Recommended for your role" says why it is empty, truthfully. Issue 20, found 4."""

import pytest

from guild.skills.models import JobRole, PersonSkill, RoleSkillRequirement
from tests.courses.test_my_learning import section
from tests.support.courses import enrol, make_course, make_skill

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst(learner):
    role = JobRole.objects.create(name="Data analyst", slug="data-analyst")
    RoleSkillRequirement.objects.create(job_role=role, skill=make_skill("SQL"), level=3)
    learner.job_role = role
    learner.save()
    return learner


def recommended(client, person):
    client.force_login(person)
    return section(client.get("/learning/").content.decode(), "recommended")


def test_a_gap_whose_course_i_already_take_is_not_called_no_gap(client, analyst):
    enrol(analyst, make_course("SQL for analysts", skills=["SQL"], lessons=1))
    text = recommended(client, analyst)
    assert "No skill gaps" not in text and "job role" not in text
    assert "You already have the courses for the skills your role still needs" in text


def test_without_a_job_role_it_asks_for_one(client, learner):
    assert "ask your manager to set it" in recommended(client, learner)


def test_with_every_skill_held_it_says_so(client, analyst):
    PersonSkill.objects.create(person=analyst, skill=make_skill("SQL"), level=4)
    assert "You hold every skill your role requires." in recommended(client, analyst)


def test_a_gap_no_course_teaches_says_so(client, analyst):
    assert "No published course teaches the skills your role still needs yet." in recommended(client, analyst)

"""The read-only API: live courses for everyone signed in; enrolments for L&D admins or their owner."""

import pytest

from tests.support.courses import enrol, make_course

pytestmark = pytest.mark.django_db


def test_the_course_list_has_only_live_courses(client, learner):
    make_course("Published", skills=["SQL"], lessons=0)
    make_course("Draft", lessons=0, publish=False)
    client.force_login(learner)
    rows = client.get("/api/courses/").json()["results"]
    assert [r["title"] for r in rows] == ["Published"] and rows[0]["skills"] == ["SQL"]


def test_enrolments_are_the_persons_own_unless_ld_admin(client, learner, other_learner, ld_admin):
    course = make_course("Course", lessons=0)
    enrol(learner, course)
    enrol(other_learner, course)
    client.force_login(learner)
    assert [r["learner"] for r in client.get("/api/enrolments/").json()["results"]] == [learner.email]
    assert client.get(f"/api/enrolments/?learner={other_learner.email}").json()["results"] == []
    client.force_login(ld_admin)
    assert len(client.get("/api/enrolments/").json()["results"]) == 2
    assert len(client.get(f"/api/enrolments/?learner={other_learner.email}").json()["results"]) == 1


def test_the_api_needs_a_signed_in_person(client):
    assert client.get("/api/courses/").status_code in (401, 403)

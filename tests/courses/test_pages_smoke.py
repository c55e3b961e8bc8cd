import pytest

from tests.support.courses import lessons_of, make_course, quiz_lesson, right_answers

pytestmark = pytest.mark.django_db


def test_it_works(client, learner):
    course = make_course("SQL for analysts", skills=["SQL"])
    client.force_login(learner)
    r = client.get("/courses/")
    assert r.status_code == 200, r.content[:2000]
    assert b"SQL for analysts" in r.content
    r = client.get("/courses/?q=sql")
    assert b"SQL for analysts" in r.content
    r = client.get("/courses/?q=sql&sort=popular&skill=sql&level=beginner&duration=short")
    assert r.status_code == 200
    r = client.get(course.url)
    assert r.status_code == 200, r.content[:3000]
    r = client.post(f"/learning/courses/{course.pk}/enrol/")
    assert r.status_code == 302
    for lesson in lessons_of(course):
        r = client.get(lesson.url)
        assert r.status_code == 200
    lesson = quiz_lesson(course)
    r = client.post(f"/learning/lessons/{lesson.pk}/quiz/", {"attempt": 1, **{f"q-{k}": v for k, v in right_answers(lesson).items()}})
    r = client.get(r.url)
    assert r.status_code == 200
    r = client.get("/learning/")
    assert r.status_code == 200
    r = client.get("/")
    assert r.status_code == 200

"""What a BI tool reads from /api/enrolments/: each enrolment's progress and completion as the learner
moves through the course (lessons completed through the services, as the lesson pages do), and the
`course` filter giving that course's enrolments and no other."""

import pytest
from django.utils.dateparse import parse_datetime

from courses import services
from courses.models import Enrolment
from tests.support.api import token_headers
from tests.support.courses import enrol, lessons_of, make_course, right_answers
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def enrolment_row(client, headers, enrolment):
    response = client.get(f"/api/enrolments/{enrolment.pk}/", **headers)
    assert response.status_code == 200, response.json()
    return response.json()


def test_progress_follows_the_lessons_completed_and_completion_carries_its_time(client, ld_admin, learner):
    course = make_course("Data protection", lessons=3, quiz=True)  # the third lesson ends with a quiz
    first, second, third = lessons_of(course)
    enrolment = enrol(learner, course)
    headers = token_headers(ld_admin, "read,admin")

    row = enrolment_row(client, headers, enrolment)
    assert (row["progress"], row["status"], row["completed_at"], row["last_activity_at"]) == (0, "active", None, None)

    services.complete_lesson(learner=learner, lesson=first)
    row = enrolment_row(client, headers, enrolment)
    assert (row["progress"], row["status"], row["completed_at"]) == (33, "active", None)
    assert parse_datetime(row["last_activity_at"]) == Enrolment.objects.get(pk=enrolment.pk).last_activity_at

    services.complete_lesson(learner=learner, lesson=second)
    assert enrolment_row(client, headers, enrolment)["progress"] == 67

    services.submit_quiz(learner=learner, lesson=third, answers=right_answers(third))
    row = enrolment_row(client, headers, enrolment)
    completed_at = Enrolment.objects.get(pk=enrolment.pk).completed_at
    assert completed_at is not None
    assert (row["progress"], row["status"], parse_datetime(row["completed_at"])) == (100, "completed", completed_at)
    # The learner's own token reads the same figures.
    assert enrolment_row(client, token_headers(learner), enrolment)["progress"] == 100


def test_the_course_filter_returns_that_courses_enrolments_only(client, ld_admin, learner, other_learner):
    sql, excel, unused = (make_course(title, lessons=1, quiz=False) for title in ("SQL", "Excel", "Unused"))
    third = make_user(email="carol@example.com")
    for person, course in ((learner, sql), (learner, excel), (other_learner, excel), (third, sql), (third, excel)):
        enrol(person, course)
    headers = token_headers(ld_admin, "read,admin")

    def rows(query, headers=headers):
        response = client.get(f"/api/enrolments/?{query}", **headers)
        assert response.status_code == 200, response.json()
        return [(r["learner"], r["course"], r["course_title"]) for r in response.json()["results"]]

    assert rows(f"course={sql.pk}") == [(learner.email, sql.pk, "SQL"), (third.email, sql.pk, "SQL")]
    assert rows(f"course={excel.pk}") == [(learner.email, excel.pk, "Excel"), (other_learner.email, excel.pk, "Excel"),
                                          (third.email, excel.pk, "Excel")]
    assert rows(f"course={unused.pk}") == []
    assert rows(f"course={excel.pk}&person={third.email}") == [(third.email, excel.pk, "Excel")]
    # A learner's token filtered by course still sees only their own enrolment in it.
    assert rows(f"course={excel.pk}", token_headers(other_learner)) == [(other_learner.email, excel.pk, "Excel")]

    bad = client.get("/api/enrolments/?course=sql", **headers)
    assert bad.status_code == 400 and [e["field"] for e in bad.json()["errors"]] == ["course"]

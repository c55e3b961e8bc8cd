"""What an LMS integrator reads from /api/paths/: the published paths, each with its published
courses in the path's order (as the path's page lists them), its skills and its page's address."""

import pytest

from courses.models import LearningPathPage, PathCourse
from tests.support.api import token_headers
from tests.support.courses import make_course, make_path

pytestmark = pytest.mark.django_db


def test_a_path_lists_its_published_courses_in_the_paths_order(client, learner):
    sql, excel, stats, python = (make_course(t, lessons=1, quiz=False) for t in ("SQL", "Excel", "Statistics", "Python"))
    draft = make_course("Draft course", lessons=1, quiz=False, publish=False)
    python.unpublish()
    path = make_path("Analyst path", courses=[stats, draft, sql, python, excel], skills=["SQL", "Data analysis"])
    make_path("Unpublished path", courses=[sql], publish=False)
    headers = token_headers(learner)

    listed = client.get("/api/paths/", **headers)
    assert listed.status_code == 200, listed.json()
    assert listed.json()["results"] == [{
        "id": path.pk, "slug": path.slug, "title": "Analyst path", "skills": ["data-analysis", "sql"],
        "courses": [stats.pk, sql.pk, excel.pk], "url": path.url,
    }]
    one = client.get(f"/api/paths/{path.pk}/", **headers).json()
    assert one["courses"] == [stats.pk, sql.pk, excel.pk]
    # Each id reads as a course.
    assert [client.get(f"/api/courses/{pk}/", **headers).json()["title"] for pk in one["courses"]] == [
        "Statistics", "SQL", "Excel"]


def test_a_reordered_path_reads_in_its_published_order_not_its_drafts(client, learner):
    first, second, third = (make_course(t, lessons=1, quiz=False) for t in ("One", "Two", "Three"))
    path = make_path("Onboarding", courses=[first, second, third])
    headers = token_headers(learner)

    page = LearningPathPage.objects.get(pk=path.pk)
    page.path_courses = [PathCourse(course=c, sort_order=i) for i, c in enumerate([third, first, second])]
    revision = page.save_revision()
    assert client.get(f"/api/paths/{path.pk}/", **headers).json()["courses"] == [first.pk, second.pk, third.pk]
    revision.publish()
    assert client.get(f"/api/paths/{path.pk}/", **headers).json()["courses"] == [third.pk, first.pk, second.pk]

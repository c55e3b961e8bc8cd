"""Package files: only to enrolled learners of the published lesson, and to the people who may
preview the course; served with the package's own strict CSP and framed only by Guild."""

import pytest
from django.test import Client

from courses import services
from courses.scorm.models import ScormLessonPage
from courses.scorm.services.importing import import_package
from guild.people.roles import Role
from tests.support.courses import enrol, make_catalogue
from tests.support.people import make_user
from tests.support.review import submit_for_review

from .conftest import fixture_zip

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(expert, settings):
    settings.GUILD_REVIEW_LD_SIGNOFF = False
    make_catalogue()
    return import_package(fileobj=fixture_zip("sco12"), author=expert)


def url(package, path="index.html"):
    return f"/scorm/content/{package.pk}/{path}"


def publish(course):
    course.get_latest_revision().publish()
    for lesson in ScormLessonPage.objects.child_of(course):
        lesson.get_latest_revision().publish()
    course.refresh_from_db()


def as_user(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_an_enrolled_learner_gets_the_files_with_the_content_policy(imported, learner):
    package, course = imported
    publish(course)
    enrol(learner, course)
    response = as_user(learner).get(url(package))
    assert response.status_code == 200
    assert b"Lifting basics" in b"".join(response.streaming_content)
    assert response["Content-Type"].startswith("text/html")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    csp = response["Content-Security-Policy"]
    base = f"http://testserver/scorm/content/{package.pk}/"
    assert f"connect-src {base};" in csp and f"form-action {base};" in csp and "frame-ancestors 'self'" in csp
    assert as_user(learner).get(url(package, "sco.js"))["Content-Type"] == "text/javascript"


@pytest.mark.parametrize("who", ["anonymous", "other_learner", "manager", "executive", "other_expert"])
def test_people_not_enrolled_get_nothing(imported, request, who):
    package, course = imported
    publish(course)
    user = None if who == "anonymous" else request.getfixturevalue(who)
    assert as_user(user).get(url(package)).status_code == 404


def test_before_publication_enrolled_learners_cannot_read_a_draft_package(imported, learner, expert):
    package, course = imported
    assert as_user(expert).get(url(package)).status_code == 200  # the author previews
    assert as_user(learner).get(url(package)).status_code == 404


def test_a_reviewer_reads_the_package_only_while_the_course_is_in_review(imported, expert):
    package, course = imported
    reviewer = make_user(Role.REVIEWER)
    assert as_user(reviewer).get(url(package)).status_code == 404
    submit_for_review(course, expert)
    assert as_user(reviewer).get(url(package)).status_code == 200


def test_ld_admins_preview_any_package(imported, ld_admin):
    package, _course = imported
    assert as_user(ld_admin).get(url(package)).status_code == 200


@pytest.mark.parametrize("path", ["../../etc/passwd", "..%2F..%2Fsettings.py", "missing.html", "%2Fetc%2Fpasswd", "."])
def test_paths_outside_the_package_or_missing_are_404(imported, expert, path):
    package, _course = imported
    assert as_user(expert).get(url(package, path)).status_code == 404


def test_a_withdrawn_learner_loses_access(imported, learner):
    package, course = imported
    publish(course)
    services.unenrol(enrolment=enrol(learner, course))
    assert as_user(learner).get(url(package)).status_code == 404


def test_a_folder_of_the_package_is_not_served(expert, settings):
    make_catalogue()
    package, _course = import_package(fileobj=fixture_zip("sco12", **{"media/pic.txt": "x"}), author=expert)
    assert as_user(expert).get(url(package, "media/pic.txt")).status_code == 200
    assert as_user(expert).get(url(package, "media")).status_code == 404

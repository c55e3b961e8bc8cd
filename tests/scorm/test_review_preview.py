"""Reviewers validate the SCORM content they approve: the review page links each SCORM lesson to its
preview page, which runs the player in preview mode (nothing stored) for the course's authors, L&D
admins and the current round's assigned reviewers, and for nobody else."""

import pytest
from django.test import Client
from django.urls import reverse

from courses.models import Enrolment
from courses.scorm.models import ScormLessonPage, ScormRuntime
from courses.scorm.services.importing import import_package
from governance.review.models import ReviewAssignment
from guild.people.roles import Role
from tests.support.courses import enrol, make_catalogue
from tests.support.people import make_user

from .conftest import fixture_zip

pytestmark = pytest.mark.django_db


def as_user(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def first_lesson(course):
    return ScormLessonPage.objects.child_of(course).order_by("path").first()


def preview_url(lesson):
    return reverse("scorm:preview", args=[lesson.pk])


def test_an_assigned_reviewer_opens_the_lesson_from_the_review_page_and_nothing_is_stored(scorm_in_review):
    course, (ana, _ben) = scorm_in_review
    lesson = first_lesson(course)
    review_url = reverse("sme:review:review", args=[ReviewAssignment.objects.get(course=course, reviewer=ana).pk])
    client = as_user(ana)

    review = client.get(review_url)
    assert review.status_code == 200
    link = f'href="{preview_url(lesson)}?next={review_url.replace("/", "%2F")}"'
    assert link in review.text and "Open the SCORM lesson" in review.text

    preview = client.get(f"{preview_url(lesson)}?next={review_url}")
    assert preview.status_code == 200
    launch = reverse("scorm:launch", args=[lesson.pk]) + "?preview=1"
    assert f'action="{launch}"' in preview.text and "Start the lesson" in preview.text
    assert "nothing you do in it is saved" in preview.text
    assert f'href="{review_url}">Back</a>' in preview.text

    started = client.post(launch)
    assert started.status_code == 200
    session = started.json()
    assert session["commit_url"] is None and session["content_url"].startswith(f"/scorm/content/{lesson.item.package_id}/")
    assert client.get(session["content_url"]).status_code == 200  # the SCO's files, for an expert-only reviewer too
    assert not ScormRuntime.objects.filter(learner=ana).exists()
    assert not Enrolment.objects.filter(learner=ana).exists()


@pytest.mark.parametrize("who", ["author", "ld_admin"])
def test_the_authors_and_ld_admins_open_the_preview_too(scorm_in_review, expert, ld_admin, who):
    course, _reviewers = scorm_in_review
    user = expert if who == "author" else ld_admin
    assert as_user(user).get(preview_url(first_lesson(course))).status_code == 200


@pytest.mark.parametrize("who", ["other_expert", "learner", "reviewer_not_assigned"])
def test_people_who_neither_author_nor_review_the_course_get_404(scorm_in_review, request, who):
    course, _reviewers = scorm_in_review
    user = make_user(Role.EXPERT, Role.REVIEWER) if who == "reviewer_not_assigned" else request.getfixturevalue(who)
    assert as_user(user).get(preview_url(first_lesson(course))).status_code == 404


def test_anonymous_people_are_sent_to_sign_in(scorm_in_review):
    course, _reviewers = scorm_in_review
    url = preview_url(first_lesson(course))
    response = Client().get(url)
    assert response.status_code == 302 and response["Location"].startswith(f"/accounts/login/?next={url}")


def test_a_reviewer_who_has_decided_no_longer_gets_the_link_nor_the_page(scorm_in_review):
    from governance.review import services
    from governance.review.selectors import checklist_for

    course, (ana, _ben) = scorm_in_review
    assignment = ReviewAssignment.objects.get(course=course, reviewer=ana)
    services.approve(task_state=assignment.task_state, reviewer=ana,
                     checklist=[str(i) for i in range(len(checklist_for(course)))], comment="")
    client = as_user(ana)
    assert "Open the SCORM lesson" not in client.get(reverse("sme:review:review", args=[assignment.pk])).text
    assert client.get(preview_url(first_lesson(course))).status_code == 404


def test_the_back_link_stays_on_the_site(scorm_in_review, expert):
    course, _reviewers = scorm_in_review
    page = as_user(expert).get(f"{preview_url(first_lesson(course))}?next=https://evil.example/")
    assert page.status_code == 200
    assert 'href="https://evil.example/"' not in page.text and ">Back</a>" not in page.text


def test_the_preview_stores_nothing_even_for_an_author_enrolled_in_the_live_course(expert, settings):
    settings.GUILD_REVIEW_LD_SIGNOFF = False
    make_catalogue()
    _package, course = import_package(fileobj=fixture_zip("sco12"), author=expert)
    course.get_latest_revision().publish()
    lesson = first_lesson(course)
    lesson.get_latest_revision().publish()
    course.refresh_from_db()
    enrol(expert, course)
    client = as_user(expert)
    launch = reverse("scorm:launch", args=[lesson.pk])
    assert client.post(launch + "?preview=1").json()["commit_url"] is None
    assert not ScormRuntime.objects.filter(learner=expert).exists()
    assert client.post(launch).json()["commit_url"]  # their own launch, as a learner, is stored
    assert ScormRuntime.objects.filter(learner=expert, lesson_id=lesson.pk).exists()

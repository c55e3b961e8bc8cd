"""Each view per role: own things only; another person's object is 403/404."""

import pytest

from courses import services
from courses.models import Cohort, DiscussionThread
from tests.support.courses import complete_course_for, enrol, make_course
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return make_course("Running effective 1:1s", lessons=1)


def test_a_certificate_page_and_pdf_are_for_its_holder_and_ld_admins(client, learner, other_learner, manager, ld_admin, course):
    certificate = complete_course_for(learner, course)
    for person, status in ((learner, 200), (ld_admin, 200), (other_learner, 404), (manager, 404)):
        client.force_login(person)
        assert client.get(f"/learning/certificates/{certificate.pk}/").status_code == status, person
        assert client.get(f"/learning/certificates/{certificate.pk}/pdf/").status_code == status, person


def test_the_pdf_is_a_pdf(client, learner, course):
    certificate = complete_course_for(learner, course)
    client.force_login(learner)
    response = client.get(f"/learning/certificates/{certificate.pk}/pdf/")
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


def test_anyone_can_verify_a_certificate_by_its_code_without_signing_in(client, learner, course):
    certificate = complete_course_for(learner, course)
    response = client.get(f"/certificates/verify/{certificate.code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Valid certificate" in html and "Running effective 1:1s" in html and learner.email not in html
    assert client.get("/certificates/verify/NOSUCHCODE/").status_code == 404
    assert client.get(f"/certificates/verify/?code={certificate.code.lower()}").status_code == 200


def test_my_learning_shows_only_my_own_progress(client, learner, course):
    stranger = make_user()  # another team, so the course is not suggested as popular in mine
    other = make_course("Negotiation basics", lessons=1)
    enrol(stranger, other)
    enrol(learner, course)
    client.force_login(learner)
    html = client.get("/learning/").content.decode()
    assert "Running effective 1:1s" in html and "Negotiation basics" not in html


def test_a_course_page_shows_the_visitors_progress_not_anyone_elses(client, learner, other_learner, course):
    complete_course_for(other_learner, course)
    client.force_login(learner)
    html = client.get(course.url).content.decode()
    assert "Enrol" in html and "100% done" not in html and "View your certificate" not in html


def test_a_cohort_page_is_for_members_the_facilitator_and_ld_admins(client, learner, other_learner, ld_admin, expert, course):
    import datetime

    cohort = Cohort.objects.create(name="Spring", slug="spring", course=course, starts_on=datetime.date.today(),
                                   ends_on=datetime.date.today() + datetime.timedelta(days=28), facilitator=expert)
    services.add_to_cohort(cohort=cohort, learner=learner)
    thread, _ = services.start_thread(author=learner, cohort=cohort, title="Hello cohort", body="Hi all")
    for person, status in ((learner, 200), (expert, 200), (ld_admin, 200), (other_learner, 403)):
        client.force_login(person)
        assert client.get("/learning/cohorts/spring/").status_code == status, person
        assert client.get(f"/learning/discussions/{thread.pk}/").status_code == status, person
    client.force_login(other_learner)
    client.post(f"/learning/discussions/{thread.pk}/", {"body": "let me in"})
    assert DiscussionThread.objects.get().post_count == 1
    assert learner.enrolments.get(course=course).source == "cohort"


def test_every_role_can_use_the_learner_pages(client, course):
    from guild.people.roles import Role

    for role in (Role.LEARNER, Role.EXPERT, Role.REVIEWER, Role.MANAGER, Role.LD_ADMIN, Role.EXECUTIVE):
        person = make_user(role)
        client.force_login(person)
        for url in ("/courses/", course.url, "/learning/", "/learning/paths/", "/"):
            assert client.get(url).status_code == 200, (role, url)


def test_leaving_is_only_offered_and_allowed_for_courses_one_chose(client, learner, manager, course):
    mandatory = make_course("Security awareness", lessons=1, is_mandatory=True)
    enrol(learner, mandatory)
    client.force_login(learner)
    assert "Leave this course" not in client.get(mandatory.url).content.decode()
    response = client.post(f"/learning/courses/{mandatory.pk}/leave/", follow=True)
    assert "cannot leave" in " ".join(str(m) for m in response.context["messages"])
    assert learner.enrolments.get(course=mandatory).status == "active"
    enrol(learner, course)
    client.post(f"/learning/courses/{course.pk}/leave/")
    assert learner.enrolments.get(course=course).status == "withdrawn"

"""The SME academy is a real path (issue 19, build item 6): `ensure_sme_academy` creates it once,
a newly confirmed expert is enrolled in it wherever the Expert role is granted, and finishing it
shows on their expert profile."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from courses.models import Enrolment, EnrolmentSource, LearningPathPage
from guild.people.roles import Role
from sme import services
from sme.academy import academy_path
from tests.support.courses import complete_course_for, make_skill
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def academy(catalogue):
    call_command("ensure_sme_academy")
    return academy_path()


def academy_courses(path):
    return [pc.course for pc in path.path_courses.select_related("course").order_by("sort_order")]


def test_the_command_creates_the_academy_once(catalogue, capsys):
    call_command("ensure_sme_academy")
    call_command("ensure_sme_academy")
    path = LearningPathPage.objects.get(slug="sme-academy")
    assert path.live and [c.slug for c in academy_courses(path)] == [
        "writing-a-great-guild-course", "reviewing-a-colleagues-course"]
    assert all(c.live for c in academy_courses(path))
    assert "Already there" in capsys.readouterr().out


def test_a_confirmed_nomination_enrols_the_new_expert(academy, learner, ld_admin, django_capture_on_commit_callbacks):
    skill = make_skill("SQL")
    nomination = services.nominate(nominee=learner, nominated_by=learner, skill=skill, reason="I teach SQL.")
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_nomination(nomination=nomination, by=ld_admin, confirm=True)
    enrolments = Enrolment.objects.filter(learner=learner).order_by("course__path")
    assert {e.course_id for e in enrolments} == {c.pk for c in academy_courses(academy)}
    assert {(e.source, e.source_id) for e in enrolments} == {(EnrolmentSource.PATH, academy.pk)}


def test_the_role_given_in_the_people_admin_or_by_group_mapping_enrols_too(academy, django_capture_on_commit_callbacks):
    by_admin, by_sso = make_user(), make_user()
    experts = Group.objects.get(name=Role.EXPERT)
    with django_capture_on_commit_callbacks(execute=True):
        by_admin.groups.set([*by_admin.groups.all(), experts])  # what the people form's save does
    with django_capture_on_commit_callbacks(execute=True):
        experts.user_set.add(by_sso)  # the reverse side, as a group sync may write it
    assert Enrolment.objects.filter(learner=by_admin).count() == 2
    assert Enrolment.objects.filter(learner=by_sso).count() == 2


def test_other_roles_do_not_enrol(academy, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        person = make_user(Role.REVIEWER, Role.MANAGER)
    assert not Enrolment.objects.filter(learner=person).exists()


def test_without_an_academy_granting_the_role_still_works(catalogue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        person = make_user(Role.EXPERT)
    assert person.has_role(Role.EXPERT) and not Enrolment.objects.filter(learner=person).exists()


def test_finishing_the_academy_shows_on_the_expert_profile(client, academy, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        expert = make_user(Role.EXPERT, first_name="Nia", last_name="Okafor")
    client.force_login(expert)
    url = reverse("sme:expert", args=[expert.pk])
    assert "SME academy: 0 of 2 courses done" in client.get(url).text
    for course in academy_courses(academy):
        complete_course_for(expert, course)
    page = client.get(url).text
    assert "SME academy completed on" in page and "0 of 2" not in page

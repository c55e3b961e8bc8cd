"""People record their own levels; their manager validates or adjusts them and they are told; a
completed course proposes the level it teaches. Each level shows its source and date."""

import pytest
from django.urls import reverse

from courses.models import CoursePage
from guild.notifications.models import Notification
from guild.people.models import Team
from guild.people.roles import Role
from guild.skills.models import PersonSkill
from tests.support.courses import complete_course_for, make_course, make_skill
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def sql(db):
    return make_skill("SQL")


def record(client, person, skill, level):
    client.force_login(person)
    return client.post(reverse("skills:mine"), {"skill": skill.pk, "level": level}, follow=True)


def test_a_person_records_their_level_and_their_manager_is_asked(client, learner, manager, sql):
    response = record(client, learner, sql, 3)

    held = PersonSkill.objects.get(person=learner, skill=sql)
    assert (held.level, held.source, held.validated_at) == (3, PersonSkill.Source.SELF, None)
    html = response.content.decode()
    assert "Your manager is asked to validate it." in html
    assert "Self-assessed" in html and "awaiting validation" in html
    assert Notification.objects.filter(recipient=manager, kind="skill_level_to_validate").count() == 1


def test_the_manager_validates_it_and_the_person_is_told(client, learner, manager, sql):
    record(client, learner, sql, 3)
    held = PersonSkill.objects.get(person=learner, skill=sql)
    client.force_login(manager)
    queue = client.get(reverse("skills:to_validate")).content.decode()
    assert "Alice" in queue and "SQL" in queue

    client.post(reverse("skills:review", args=[held.pk]), {"level": 3})

    held.refresh_from_db()
    assert (held.level, held.source, held.validated_by) == (3, PersonSkill.Source.SELF, manager)
    notice = Notification.objects.get(recipient=learner, kind="skill_level_reviewed")
    assert "validated your level in SQL" in notice.title
    assert "levels-to-validate" not in client.get(reverse("skills:to_validate")).content.decode()
    client.force_login(learner)
    assert "validated by Marcus" in client.get(reverse("skills:mine")).content.decode()


def test_the_manager_adjusts_it_and_the_source_becomes_the_manager(client, learner, manager, sql):
    record(client, learner, sql, 4)
    held = PersonSkill.objects.get(person=learner, skill=sql)
    client.force_login(manager)
    client.post(reverse("skills:review", args=[held.pk]), {"level": 2})

    held.refresh_from_db()
    assert (held.level, held.source, held.validated_by) == (2, PersonSkill.Source.MANAGER, manager)
    assert "set your level in SQL to Working" in Notification.objects.get(recipient=learner, kind="skill_level_reviewed").title


def test_a_manager_cannot_review_someone_outside_their_teams(client, manager, sql):
    elsewhere = make_user(team=Team.add_root(name="Sales", slug="sales-elsewhere"))
    record(client, elsewhere, sql, 5)
    held = PersonSkill.objects.get(person=elsewhere)
    client.force_login(manager)
    assert "levels-to-validate" not in client.get(reverse("skills:to_validate")).content.decode()
    assert client.post(reverse("skills:review", args=[held.pk]), {"level": 1}).status_code == 404
    held.refresh_from_db()
    assert (held.level, held.validated_at) == (5, None)


def test_a_learner_has_no_validation_queue(client, learner, other_learner, sql):
    record(client, other_learner, sql, 2)
    client.force_login(learner)
    assert client.get(reverse("skills:to_validate")).status_code == 403
    held = PersonSkill.objects.get(person=other_learner)
    assert client.post(reverse("skills:review", args=[held.pk]), {"level": 5}).status_code == 403


def test_completing_a_course_proposes_its_level_for_the_manager(learner, manager, sql,
                                                                django_capture_on_commit_callbacks):
    course = make_course("SQL basics", authors=[make_user(Role.EXPERT)], skills=[sql], lessons=1, quiz=False)
    CoursePage.objects.filter(pk=course.pk).update(skill_level_taught=2)
    with django_capture_on_commit_callbacks(execute=True):
        complete_course_for(learner, CoursePage.objects.get(pk=course.pk))

    held = PersonSkill.objects.get(person=learner, skill=sql)
    assert (held.level, held.source, held.source_detail, held.validated_at) == (
        2, PersonSkill.Source.COURSE, "SQL basics", None)
    assert Notification.objects.filter(recipient=manager, kind="skill_level_to_validate").exists()


def test_a_course_that_proves_the_level_records_it_validated_and_never_lowers_one(
        learner, manager, sql, django_capture_on_commit_callbacks):
    python = make_skill("Python")
    PersonSkill.objects.create(person=learner, skill=python, level=4, source=PersonSkill.Source.MANAGER)
    course = make_course("Data exam", authors=[make_user(Role.EXPERT)], skills=[sql, python], lessons=1, quiz=False)
    CoursePage.objects.filter(pk=course.pk).update(skill_level_taught=3, skill_level_needs_no_validation=True)
    with django_capture_on_commit_callbacks(execute=True):
        complete_course_for(learner, CoursePage.objects.get(pk=course.pk))

    held = {ps.skill.name: ps for ps in PersonSkill.objects.filter(person=learner)}
    assert held["SQL"].level == 3 and held["SQL"].source == PersonSkill.Source.COURSE
    assert held["SQL"].validated_at is not None and not held["SQL"].awaits_validation
    assert (held["Python"].level, held["Python"].source) == (4, PersonSkill.Source.MANAGER)
    assert not Notification.objects.filter(recipient=manager, kind="skill_level_to_validate").exists()

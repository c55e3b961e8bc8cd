"""Enrolment rules: who they reach, that nobody is enrolled twice, and bad rules refused at save time."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from courses.automation.models import EnrolmentRule, RuleRun
from courses.automation.rules import apply_rule, run_rules
from courses.models import Enrolment
from guild.notifications.models import OutboxMessage
from guild.people.models import Team
from guild.people.roles import Role
from tests.support.courses import make_course, make_path, make_skill
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(expert):
    return make_course("Data ethics", authors=[expert], skills=["Data ethics"], lessons=1, quiz=False)


def rule(**fields):
    return EnrolmentRule.objects.create(**{"name": "Rule", "due_in_days": 30, **fields})


def enrolled(course):
    return set(Enrolment.objects.filter(course=course).values_list("learner__email", flat=True))


def test_a_team_rule_reaches_its_sub_teams_and_nobody_else(course):
    parent = Team.add_root(name="Sales", slug="sales")
    child = parent.add_child(name="Sales EMEA", slug="sales-emea")
    other = Team.add_root(name="Legal", slug="legal")
    make_user(email="a@example.com", team=parent)
    make_user(email="b@example.com", team=child)
    make_user(email="c@example.com", team=other)
    run = apply_rule(rule=rule(team=parent, course=course))
    assert enrolled(course) == {"a@example.com", "b@example.com"}
    assert (run.matched_count, run.enrolled_count, run.error) == (2, 2, "")
    assert run.finished_at is not None


def test_running_a_rule_twice_never_enrols_anyone_twice(course, learner, other_learner, team):
    r = rule(team=team, course=course)
    apply_rule(rule=r)
    second = apply_rule(rule=r)
    assert second.enrolled_count == 0 and second.matched_count == 2
    assert Enrolment.objects.filter(course=course).count() == 2
    assert OutboxMessage.objects.filter(kind="enrolment.assigned").count() == 2
    assert RuleRun.objects.filter(rule=r).count() == 2


def test_someone_who_left_the_course_is_not_enrolled_again_by_a_rule(course, learner, team):
    from courses.services import enrol

    enrolment, _ = enrol(learner=learner, course=course)
    Enrolment.objects.filter(pk=enrolment.pk).update(status="withdrawn")
    assert apply_rule(rule=rule(team=team, course=course)).enrolled_count == 0


def test_a_role_rule_reaches_the_people_holding_the_role(course, expert, learner):
    apply_rule(rule=rule(role=Role.EXPERT, course=course))
    assert enrolled(course) == {"sofia@example.com"}


def test_new_hires_are_people_hired_within_n_days_not_new_accounts(course, team):
    """"New hire" is the hire date HR sets: an account SCIM created today for someone hired years
    ago is not a new hire, and neither is an account without a hire date."""
    today = timezone.localdate()
    fresh = make_user(email="fresh@example.com", team=team, hire_date=today - timedelta(days=3))
    make_user(email="veteran@example.com", team=team, hire_date=today - timedelta(days=900))
    make_user(email="unknown@example.com", team=team)  # account created today, no hire date
    apply_rule(rule=rule(team=team, joined_within_days=30, course=course))
    assert enrolled(course) == {fresh.email}


def test_people_lacking_the_level_their_job_role_requires(course):
    from guild.skills.models import JobRole, PersonSkill, RoleSkillRequirement

    analyst = JobRole.objects.create(name="Analyst", slug="analyst")
    RoleSkillRequirement.objects.create(job_role=analyst, skill=make_skill("Data ethics"), level=3)
    gap = make_user(email="gap@example.com", job_role=analyst)
    ok = make_user(email="ok@example.com", job_role=analyst)
    PersonSkill.objects.create(person=gap, skill=make_skill("Data ethics"), level=2)
    PersonSkill.objects.create(person=ok, skill=make_skill("Data ethics"), level=4)
    make_user(email="norole@example.com")
    apply_rule(rule=rule(lacking_required_skills=True, course=course))
    assert enrolled(course) == {"gap@example.com"}


def test_a_path_rule_enrols_in_each_course_of_the_path(course, expert, team, learner):
    second = make_course("Data ethics 2", authors=[expert], lessons=1, quiz=False)
    path = make_path("Ethics path", courses=[course, second])
    run = apply_rule(rule=rule(team=team, path=path))
    assert run.enrolled_count == 2
    assert set(Enrolment.objects.filter(learner=learner).values_list("course_id", "source")) == {
        (course.pk, "rule"), (second.pk, "rule")
    }


def test_the_due_date_is_n_days_after_enrolment_in_the_persons_time_zone(course, team):
    person = make_user(team=team, timezone="Pacific/Kiritimati")
    apply_rule(rule=rule(team=team, course=course, due_in_days=10))
    local_today = timezone.now().astimezone(__import__("zoneinfo").ZoneInfo("Pacific/Kiritimati")).date()
    assert Enrolment.objects.get(learner=person).due_date == local_today + timedelta(days=10)


def test_a_rule_for_a_person_runs_only_for_that_person(course, learner, other_learner, team):
    rule(team=team, course=course)
    runs = run_rules(trigger=RuleRun.Trigger.PERSON, user_id=learner.pk)
    assert enrolled(course) == {"alice@example.com"}
    assert runs[0].trigger == "person"


def test_a_rule_on_an_unpublished_course_enrols_nobody_and_does_not_crash(expert, team, learner):
    draft = make_course("Draft", authors=[expert], lessons=1, quiz=False, publish=False)
    run = apply_rule(rule=rule(team=team, course=draft))
    assert run.enrolled_count == 0 and run.error == ""


def test_a_rule_without_an_audience_is_refused_with_a_clear_message(course):
    with pytest.raises(ValidationError) as exc:
        EnrolmentRule(name="Everyone?", course=course, due_in_days=7).full_clean()
    assert "Say who this rule is for" in str(exc.value)


def test_a_fixed_due_date_in_the_past_is_refused(course, team):
    with pytest.raises(ValidationError) as exc:
        EnrolmentRule(name="Late", team=team, course=course, due_on=timezone.localdate() - timedelta(days=1)).full_clean()
    assert "is in the past" in str(exc.value)


def test_a_rule_needs_exactly_one_target(course, team):
    path = make_path("P", courses=[course])
    with pytest.raises(ValidationError) as exc:
        EnrolmentRule(name="Both", team=team, course=course, path=path, due_in_days=7).full_clean()
    assert "Choose a course or a learning path" in str(exc.value)


def test_the_database_refuses_a_rule_without_an_audience_even_past_the_form(course):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        EnrolmentRule.objects.create(name="Everyone?", course=course, due_in_days=7)


def test_an_unknown_time_zone_or_a_malformed_email_is_refused_when_a_person_is_saved(team):
    from guild.people.models import User

    with pytest.raises(ValidationError) as exc:
        User(email="not-an-email", timezone="Mars/Olympus_Mons", team=team).full_clean(exclude=["password"])
    assert "email" in exc.value.message_dict and "timezone" in exc.value.message_dict


def test_a_malformed_escalation_mailbox_in_the_policy_is_refused():
    from courses.automation.models import ReminderPolicy

    policy = ReminderPolicy.get()
    policy.escalation_email = "learning at example"
    policy.before_due_days = "7, soon"
    with pytest.raises(ValidationError) as exc:
        policy.full_clean()
    assert set(exc.value.message_dict) == {"escalation_email", "before_due_days"}

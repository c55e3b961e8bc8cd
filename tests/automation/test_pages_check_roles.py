"""Every automation page, per role, including other people's objects."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.automation.models import EnrolmentRule, ReminderPolicy
from courses.models import Enrolment
from guild.notifications.models import OutboxMessage
from guild.people.models import Team
from guild.people.roles import Role
from tests.support.courses import make_course
from tests.support.people import make_user

pytestmark = pytest.mark.django_db

LD_ONLY = ["automation:policy", "automation:outbox"]
RULE_PAGES = ["automation:rules", "automation:rule_new"]


@pytest.fixture
def course(expert):
    return make_course("Security awareness", authors=[expert], lessons=1, quiz=False)


@pytest.fixture
def other_team_rule(course):
    other = Team.add_root(name="Legal", slug="legal")
    return EnrolmentRule.objects.create(name="Legal onboarding", team=other, course=course, due_in_days=7)


def status(client, user, name, *args, method="get", data=None):
    client.force_login(user)
    return getattr(client, method)(reverse(name, args=args), data or {}).status_code


@pytest.mark.parametrize("name", LD_ONLY + RULE_PAGES + ["automation:team"])
def test_anonymous_people_are_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("name", LD_ONLY + RULE_PAGES + ["automation:team"])
def test_learners_experts_and_reviewers_are_refused(client, name, learner, expert, reviewer):
    for person in (learner, expert, reviewer):
        assert status(client, person, name) == 403


@pytest.mark.parametrize("name", LD_ONLY + ["automation:team"])
def test_executives_are_refused_the_policy_the_outbox_and_team_pages(client, name, executive):
    assert status(client, executive, name) == 403


@pytest.mark.parametrize("name", RULE_PAGES)
def test_executives_make_rules_for_the_whole_organisation(client, name, executive):
    assert status(client, executive, name) == 200


@pytest.mark.parametrize("name", LD_ONLY + RULE_PAGES)
def test_ld_admins_see_the_admin_pages(client, name, ld_admin):
    assert status(client, ld_admin, name) == 200


@pytest.mark.parametrize("name", LD_ONLY)
def test_managers_cannot_see_the_policy_or_the_outbox(client, name, manager):
    assert status(client, manager, name) == 403


def test_a_manager_sees_only_the_rules_of_their_teams(client, manager, team, course, other_team_rule):
    own = EnrolmentRule.objects.create(name="Analytics basics", team=team, course=course, due_in_days=7)
    client.force_login(manager)
    page = client.get(reverse("automation:rules"))
    assert own.name.encode() in page.content and other_team_rule.name.encode() not in page.content
    assert status(client, manager, "automation:rule_edit", own.pk) == 200
    assert status(client, manager, "automation:rule_edit", other_team_rule.pk) == 404
    assert status(client, manager, "automation:rule_run", other_team_rule.pk, method="post") == 404


def test_a_manager_cannot_aim_a_rule_at_another_team(client, manager, course, other_team_rule):
    client.force_login(manager)
    response = client.post(reverse("automation:rule_new"), {
        "name": "Sneaky", "is_active": "on", "team": other_team_rule.team_id, "course": course.pk, "due_in_days": 7,
    })
    assert response.status_code == 200
    assert not EnrolmentRule.objects.filter(name="Sneaky").exists()


def test_a_manager_creates_a_rule_for_their_team(client, manager, team, course):
    client.force_login(manager)
    response = client.post(reverse("automation:rule_new"), {
        "name": "Analytics SQL", "is_active": "on", "team": team.pk, "course": course.pk, "due_in_days": 14,
    })
    assert response.status_code == 302
    assert EnrolmentRule.objects.get(name="Analytics SQL").created_by == manager


def test_a_rule_with_an_empty_audience_gets_a_clear_error_on_the_form(client, ld_admin, course):
    client.force_login(ld_admin)
    response = client.post(reverse("automation:rule_new"), {"name": "All?", "course": course.pk, "due_in_days": 7})
    assert response.status_code == 200
    assert "Say who this rule is for" in response.content.decode()
    assert not EnrolmentRule.objects.exists()


def test_a_rule_due_in_the_past_gets_a_clear_error_on_the_form(client, ld_admin, course, team):
    client.force_login(ld_admin)
    past = (timezone.localdate() - timedelta(days=3)).isoformat()
    response = client.post(reverse("automation:rule_new"), {"name": "Late", "team": team.pk, "course": course.pk,
                                                            "due_on": past})
    assert "is in the past" in response.content.decode()
    assert not EnrolmentRule.objects.exists()


def test_the_rule_page_shows_its_last_runs(client, ld_admin, team, course, learner):
    from courses.automation.rules import apply_rule

    rule = EnrolmentRule.objects.create(name="Analytics basics", team=team, course=course, due_in_days=7)
    apply_rule(rule=rule)
    client.force_login(ld_admin)
    listing = client.get(reverse("automation:rules")).content.decode()
    assert "1 enrolled, 0 already enrolled, of 1 matched" in listing
    detail = client.get(reverse("automation:rule_edit", args=[rule.pk])).content.decode()
    assert "Schedule" in detail and "Done" in detail


def test_ld_edits_the_policy_and_bad_values_are_refused(client, ld_admin):
    client.force_login(ld_admin)
    page = client.get(reverse("automation:policy"))
    form = page.context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k in form.fields}
    data.update(before_due_days="10, 2", escalation_email="nope", manager_digest="on", author_digest="on")
    response = client.post(reverse("automation:policy"), data)
    assert response.status_code == 200 and "Enter a valid email address" in response.content.decode()
    assert ReminderPolicy.get().before_due_days == "7,1"
    data["escalation_email"] = "learning@example.com"
    assert client.post(reverse("automation:policy"), data).status_code == 302
    assert ReminderPolicy.get().before_due == [10, 2]


def test_the_outbox_shows_failures_with_their_error_and_retries_them(client, ld_admin, learner):
    failed = OutboxMessage.objects.create(key="x:1", recipient=learner, kind="reminder.due", status="failed",
                                          attempts=5, last_error="SMTPDataError: 554 refused")
    client.force_login(ld_admin)
    page = client.get(reverse("automation:outbox") + "?status=failed").content.decode()
    assert "554 refused" in page and "Retry" in page
    assert client.post(reverse("automation:outbox_retry", args=[failed.pk])).status_code == 302
    failed.refresh_from_db()
    assert failed.status == "queued"


def test_the_outbox_page_runs_a_fixed_number_of_queries(client, ld_admin, learner, django_assert_max_num_queries):
    client.force_login(ld_admin)
    for n in (3, 40):
        OutboxMessage.objects.bulk_create([
            OutboxMessage(key=f"q:{n}:{i}", recipient=learner, kind="reminder.due", subject="Hi") for i in range(n)
        ])
        with django_assert_max_num_queries(12):
            assert client.get(reverse("automation:outbox")).status_code == 200


# --- The manager's team page --------------------------------------------------------------------


def test_a_manager_sees_their_team_and_its_overdue_items(client, manager, learner, course):
    from tests.support.automation import due_in

    due_in(learner, course, -3)
    outsider = make_user(email="outsider@example.com")
    due_in(outsider, course, -3)
    client.force_login(manager)
    page = client.get(reverse("automation:team")).content.decode()
    assert "Alice" in page and "1 overdue" in page
    assert "outsider@example.com" not in page


def test_the_team_page_runs_a_fixed_number_of_queries(client, manager, team, course, django_assert_max_num_queries):
    from tests.support.automation import due_in

    client.force_login(manager)
    for n in (2, 12):
        for _ in range(n):
            due_in(make_user(team=team), course, -1)
        with django_assert_max_num_queries(20):
            assert client.get(reverse("automation:team")).status_code == 200


def test_a_manager_assigns_a_course_with_a_due_date(client, manager, learner, course):
    client.force_login(manager)
    due = timezone.localdate() + timedelta(days=10)
    response = client.post(reverse("automation:team"), {"course": course.pk, "learners": [learner.pk],
                                                        "due_date": due.isoformat()})
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(learner=learner, course=course)
    assert (enrolment.source, enrolment.assigned_by, enrolment.due_date) == ("assigned", manager, due)
    assert OutboxMessage.objects.filter(recipient=learner, kind="enrolment.assigned").exists()
    # A double submit changes nothing.
    client.post(reverse("automation:team"), {"course": course.pk, "learners": [learner.pk], "due_date": due.isoformat()})
    assert Enrolment.objects.filter(learner=learner).count() == 1


def test_a_due_date_in_the_past_is_refused(client, manager, learner, course):
    client.force_login(manager)
    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(reverse("automation:team"), {"course": course.pk, "learners": [learner.pk], "due_date": past})
    assert "The due date is in the past" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_a_manager_cannot_assign_to_someone_outside_their_teams(client, manager, course):
    outsider = make_user(email="outsider@example.com")
    client.force_login(manager)
    due = (timezone.localdate() + timedelta(days=5)).isoformat()
    response = client.post(reverse("automation:team"), {"course": course.pk, "learners": [outsider.pk], "due_date": due})
    assert response.status_code == 200
    assert not Enrolment.objects.exists()


def test_the_service_refuses_outsiders_too(manager, course):
    from courses.automation.assignments import assign_course
    from courses.automation.errors import AutomationError

    outsider = make_user(email="outsider@example.com")
    with pytest.raises(AutomationError) as exc:
        assign_course(manager=manager, course=course, learners=[outsider], due_date=timezone.localdate())
    assert "only assign courses to people in your teams" in exc.value.message


def test_managers_and_ld_admins_get_their_nav_items_and_home_panels(client, manager, ld_admin):
    client.force_login(manager)
    home = client.get(reverse("home")).content.decode()
    assert reverse("automation:team") in home and "Nothing overdue in your teams" in home
    client.force_login(ld_admin)
    home = client.get(reverse("home")).content.decode()
    assert reverse("automation:outbox") in home and reverse("automation:rules") in home


def test_a_manager_also_holding_no_team_sees_an_empty_state(client):
    lonely = make_user(Role.MANAGER)
    client.force_login(lonely)
    assert "Nobody is in the teams you manage yet" in client.get(reverse("automation:team")).content.decode()


def test_the_rule_service_refuses_a_managers_rule_for_another_team(manager, course, other_team_rule):
    # The same rule the form's choices reflect, enforced where every caller passes: rules.save_rule.
    from courses.automation.errors import AutomationError
    from courses.automation.rules import save_rule

    rule = EnrolmentRule(name="Sneaky", team=other_team_rule.team, course=course, due_in_days=7)
    with pytest.raises(AutomationError) as exc:
        save_rule(rule=rule, by=manager)
    assert "teams you manage" in str(exc.value.message)
    assert not EnrolmentRule.objects.filter(name="Sneaky").exists()


def test_the_rule_service_records_who_made_a_rule(manager, team, course):
    from courses.automation.rules import save_rule

    rule = save_rule(rule=EnrolmentRule(name="Analytics SQL", team=team, course=course, due_in_days=7), by=manager)
    assert EnrolmentRule.objects.get(pk=rule.pk).created_by == manager

"""A rule shows who it would enrol before it is saved: the people it matches and those already
enrolled, and nothing is written."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.automation.models import EnrolmentRule, RuleRun
from courses.models import Enrolment
from guild.people.models import Team
from guild.people.roles import Role
from tests.support.courses import enrol, make_course
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def sales(db):
    team = Team.add_root(name="Sales", slug="sales-preview")
    today = timezone.localdate()
    people = {
        "ana": make_user(team=team, first_name="Ana", hire_date=today - timedelta(days=5)),
        "ben": make_user(team=team, first_name="Ben", hire_date=today - timedelta(days=12)),
        "old": make_user(team=team, first_name="Olga", hire_date=today - timedelta(days=800)),
        "none": make_user(team=team, first_name="Nico"),  # account just created, no hire date
    }
    course = make_course("Welcome to sales", authors=[make_user(Role.EXPERT)], lessons=1, quiz=False)
    enrol(people["ben"], course)
    return team, course, people


def form(team, course, **extra):
    return {"name": "Sales new hires", "is_active": "on", "team": team.pk, "joined_within_days": 30,
            "course": course.pk, "due_in_days": 14, "preview": "1", **extra}


def test_the_preview_lists_who_would_be_enrolled_and_who_already_is_without_saving(client, ld_admin, sales):
    team, course, _people = sales
    enrolments = Enrolment.objects.count()
    client.force_login(ld_admin)

    response = client.post(reverse("automation:rule_new"), form(team, course))

    html = response.content.decode()
    section = html.split('data-testid="rule-preview"', 1)[1]
    assert "2 people match: 1 would be enrolled, 1 already enrolled." in section
    assert re.search(r"Ana Test</td>.*?Would be enrolled", section, re.S)
    assert re.search(r"Ben Test</td>.*?Already enrolled", section, re.S)
    assert "Olga" not in section and "Nico" not in section
    assert not EnrolmentRule.objects.exists() and not RuleRun.objects.exists()
    assert Enrolment.objects.count() == enrolments


def test_a_saved_rule_previews_its_changes_before_they_are_saved(client, ld_admin, sales):
    team, course, _people = sales
    rule = EnrolmentRule.objects.create(name="Sales", team=team, course=course, joined_within_days=30)
    client.force_login(ld_admin)
    html = client.post(reverse("automation:rule_edit", args=[rule.pk]),
                       form(team, course, joined_within_days=1000)).content.decode()
    assert "3 people match: 2 would be enrolled, 1 already enrolled." in html
    rule.refresh_from_db()
    assert rule.joined_within_days == 30


def test_a_manager_cannot_preview_another_team(client, sales):
    team, course, _people = sales
    mine = Team.add_root(name="Support", slug="support-preview")
    boss = make_user(Role.MANAGER, team=mine)
    mine.manager = boss
    mine.save(update_fields=["manager"])
    client.force_login(boss)
    html = client.post(reverse("automation:rule_new"), form(team, course)).content.decode()
    assert "Ana Test" not in html and 'data-testid="rule-preview"' not in html


def test_an_invalid_rule_shows_its_errors_and_no_preview(client, ld_admin, sales):
    team, course, _people = sales
    client.force_login(ld_admin)
    html = client.post(reverse("automation:rule_new"), {**form(team, course), "course": ""}).content.decode()
    assert "Choose a course or a learning path" in html and 'data-testid="rule-preview"' not in html



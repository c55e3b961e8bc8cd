"""A rule run accounts for everyone it matched: enrolled now, already enrolled, or skipped on an error."""

import pytest
from django.urls import reverse

from courses.automation.models import EnrolmentRule
from courses.automation.rules import apply_rule
from tests.support.courses import enrol, make_course
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def test_people_already_enrolled_are_counted_and_shown(client, ld_admin, team, expert):
    course = make_course("Data ethics", authors=[expert], lessons=1, quiz=False)
    people = [make_user(team=team) for _ in range(5)]
    for person in people[:2]:
        enrol(person, course)
    rule = EnrolmentRule.objects.create(name="Analytics onboarding", team=team, course=course, due_in_days=30)
    run = apply_rule(rule=rule)
    assert (run.matched_count, run.enrolled_count, run.already_enrolled_count, run.skipped_count) == (5, 3, 2, 0)
    client.force_login(ld_admin)
    html = client.get(reverse("automation:rule_edit", args=[rule.pk])).content.decode()
    assert "Already enrolled" in html and "<td>2</td>" in html
    assert "3 enrolled, 2 already enrolled, of 5 matched" in client.get(reverse("automation:rules")).content.decode()

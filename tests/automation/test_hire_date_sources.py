"""The hire date that "new hire" rules read is set by HR (the people API; SCIM in
tests/scim/test_scim_hire_date.py) or by L&D in the admin, and setting it runs the rules for that person."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from courses.automation.models import EnrolmentRule
from guild.people.models import Team, User
from guild.people.roles import Role
from guild.people.tokens import create_token
from tests.support.courses import make_course
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def test_hr_sets_the_hire_date_through_the_people_api(client, ld_admin):
    make_user(email="ana@example.com", employee_id="E-1")
    token = create_token(user=ld_admin, name="HR", scopes="write,admin")[1]
    response = client.patch("/api/people/E-1/", data=json.dumps({"hire_date": "2026-11-02"}),
                            content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200, response.content
    assert response.json()["hire_date"] == "2026-11-02"
    assert User.objects.get(employee_id="E-1").hire_date.isoformat() == "2026-11-02"
    bad = client.patch("/api/people/E-1/", data=json.dumps({"hire_date": "02/11/2026"}),
                       content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert bad.status_code == 400
    assert User.objects.get(employee_id="E-1").hire_date.isoformat() == "2026-11-02"


def test_ld_edits_the_hire_date_in_the_admin(client, ld_admin):
    person = make_user(email="ana@example.com")
    client.force_login(ld_admin)
    form = client.get(f"/cms/organisation/people/edit/{person.pk}/").content.decode()
    assert 'name="hire_date"' in form


def test_a_new_hire_date_runs_the_rules_for_that_person(django_capture_on_commit_callbacks, monkeypatch):
    from courses.automation import signals

    sent = []
    monkeypatch.setattr(signals, "enqueue", lambda task, *args: sent.append((task.name, args)))
    course = make_course("Welcome", authors=[make_user(Role.EXPERT)], lessons=1, quiz=False)
    EnrolmentRule.objects.create(name="New hires", joined_within_days=30, course=course)
    person = make_user(team=Team.add_root(name="Sales", slug="sales-hired"))
    person = User.objects.get(pk=person.pk)
    with django_capture_on_commit_callbacks(execute=True):
        person.first_name = "Ana"
        person.save()  # nothing that changes who a rule is for
    assert sent == []
    with django_capture_on_commit_callbacks(execute=True):
        person.hire_date = timezone.localdate() - timedelta(days=2)
        person.save()
    assert sent == [("courses.automation.run_rules_for_person", (person.pk,))]

"""In Chromium: a manager creates a cohort, adds their team, schedules a session (members are invited
through the outbox) and, once it has taken place, records who came."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from courses.models import Attendance, CohortSession
from guild.notifications.models import OutboxMessage
from tests.support.browser import sign_in
from tests.support.courses import make_course
from tests.support.people import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_cohort_from_creation_to_attendance(page, manager, team):
    make_course("Leading meetings", lessons=1, quiz=False)
    make_user(team=team, email="liam@example.com", first_name="Liam", last_name="Ng")
    make_user(team=team, email="ana@example.com", first_name="Ana", last_name="Ruiz")
    today = timezone.localdate()

    sign_in(page, manager.email, PASSWORD)
    page.goto("/cohorts/")
    page.get_by_label("Name").fill("Spring leaders")
    page.get_by_label(re.compile(r"^Course:?$")).select_option(label="Leading meetings")
    page.get_by_label("First day").fill(today.isoformat())
    page.get_by_label("Last day").fill((today + timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Create the cohort").click()
    expect(page.locator(".messages")).to_contain_text("Cohort created.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Spring leaders")

    page.get_by_label("Add a whole team").select_option(label=team.name)
    page.get_by_role("button", name="Add the team").click()
    expect(page.locator(".messages")).to_contain_text("2 people added")
    expect(page.get_by_test_id("members")).to_contain_text("Liam Ng")

    when = (timezone.localtime() + timedelta(days=2)).replace(hour=10, minute=0)
    page.get_by_label("Title").fill("Kick-off")
    page.get_by_label("Date and time").fill(when.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Place").fill("Room 4")
    page.get_by_role("button", name="Schedule and invite").click()
    expect(page.locator(".messages")).to_contain_text("Session scheduled; members get a calendar invite.")
    expect(page.get_by_test_id("session")).to_contain_text("Kick-off")
    assert OutboxMessage.objects.filter(kind="cohort.invite").count() == 2

    # Time passes: the session has taken place (attendance is recorded once a session has started).
    CohortSession.objects.update(starts_at=timezone.now() - timedelta(hours=1))
    page.reload()
    page.get_by_label("Liam Ng").check()
    page.get_by_role("button", name="Save attendance for “Kick-off”").click()
    expect(page.locator(".messages")).to_contain_text("Attendance saved: 1 present.")
    session = page.get_by_test_id("session")
    expect(session.get_by_label("Liam Ng")).to_be_checked()
    expect(session.get_by_label("Ana Ruiz")).not_to_be_checked()
    expect(session).to_contain_text("Absent")
    assert sorted(Attendance.objects.values_list("learner__first_name", "present")) == [("Ana", False), ("Liam", True)]

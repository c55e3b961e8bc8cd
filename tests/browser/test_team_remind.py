"""In Chromium: a manager sees an overdue course first on the team page, reminds the person (the
message goes through the outbox), and a second click says when the last reminder went."""

import pytest
from playwright.sync_api import expect

from guild.notifications.models import OutboxMessage
from tests.support.automation import due_in
from tests.support.browser import sign_in
from tests.support.courses import make_course
from tests.support.people import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_manager_reminds_an_overdue_person_once_a_day(page, manager, team):
    liam = make_user(team=team, email="liam@example.com", first_name="Liam", last_name="Ng")
    ana = make_user(team=team, email="ana@example.com", first_name="Ana", last_name="Ruiz")
    due_in(ana, make_course("GDPR basics", lessons=1, quiz=False), 20)
    due_in(liam, make_course("Working safely", lessons=1, quiz=False), -4, progress=25)

    sign_in(page, manager.email, PASSWORD)
    page.goto("/team/")
    rows = page.get_by_test_id("team-courses").locator("tbody tr")
    expect(rows.first).to_contain_text("Liam Ng")
    expect(rows.first).to_contain_text("Overdue")
    expect(rows.first).to_contain_text("25%")

    rows.first.get_by_role("button", name="Remind Liam about “Working safely”").click()
    expect(page.locator(".messages")).to_contain_text("Reminder sent to Liam Ng.")
    assert OutboxMessage.objects.filter(kind="reminder.manager", recipient=liam).count() == 1
    expect(page.get_by_test_id("team-courses").locator("tbody tr").first).to_contain_text("Last reminded")

    page.get_by_role("button", name="Remind Liam about “Working safely”").click()
    expect(page.locator(".messages")).to_contain_text("Liam Ng was already reminded today, at")
    assert OutboxMessage.objects.filter(kind="reminder.manager").count() == 1

    page.get_by_role("link", name="Liam Ng").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Liam Ng")
    expect(page.get_by_test_id("transcript")).to_contain_text("Working safely")

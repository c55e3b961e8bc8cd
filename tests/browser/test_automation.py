"""In Chromium: an L&D admin retries a failed email from the outbox and runs an enrolment rule by hand
(on a real worker) and sees its counts; a learner is refused both pages."""

import re
import time

import pytest
from playwright.sync_api import expect

from courses.automation.models import EnrolmentRule
from guild.notifications.models import OutboxMessage, OutboxStatus
from guild.people.models import Team
from guild.people.roles import Role
from tests.support.browser import sign_in
from tests.support.courses import make_course
from tests.support.people import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEY = "reminder:due-7:41:2026-12-01"


def failed_message(recipient):
    return OutboxMessage.objects.create(
        key=KEY, recipient=recipient, kind="reminder", subject="Reminder: Security awareness is due in 7 days",
        status=OutboxStatus.FAILED, attempts=2, last_error="SMTP 451: mailbox temporarily unavailable",
    )


def make_rule():
    team = Team.add_root(name="Sales", slug="sales")
    for name in ("Ana", "Ben"):
        make_user(email=f"{name.lower()}@example.com", first_name=name, team=team)
    course = make_course("Security awareness", authors=[make_user(Role.EXPERT)], lessons=1, quiz=False)
    return EnrolmentRule.objects.create(name="Sales onboarding", team=team, course=course, due_in_days=14)


def test_an_ld_admin_retries_a_failed_message_from_the_outbox(page):
    make_user(Role.LD_ADMIN, email="admin@example.com", first_name="Priya")
    message = failed_message(make_user(email="liam@example.com", first_name="Liam"))

    sign_in(page, "admin@example.com", PASSWORD)
    page.goto("/automation/rules/")
    page.get_by_role("link", name="Outbox").click()
    page.get_by_role("link", name="Failed (1)").click()
    row = page.get_by_role("row").filter(has_text=KEY)
    expect(row).to_contain_text("Reminder: Security awareness is due in 7 days")
    expect(row).to_contain_text("2 attempts: SMTP 451: mailbox temporarily unavailable")

    row.get_by_role("button", name=f"Retry {KEY}").click()
    expect(page.locator(".messages")).to_contain_text("The message is queued again.")
    row = page.get_by_role("row").filter(has_text=KEY)
    expect(row).to_contain_text("Queued")
    expect(row.get_by_role("button", name=re.compile("^Retry"))).to_have_count(0)
    expect(page.get_by_role("link", name="Failed (0)")).to_be_visible()
    message.refresh_from_db()
    assert message.status == OutboxStatus.QUEUED


def test_an_ld_admin_runs_a_rule_now_and_sees_its_last_run(page, celery_worker):
    make_user(Role.LD_ADMIN, email="admin@example.com", first_name="Priya")
    rule = make_rule()

    sign_in(page, "admin@example.com", PASSWORD)
    page.goto("/automation/rules/")
    rule_row = page.get_by_role("row").filter(has_text="Sales onboarding")
    expect(rule_row).to_contain_text("Not run yet")
    rule_row.get_by_role("link", name="Sales onboarding").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sales onboarding")
    expect(page.get_by_text("This rule has not run yet.")).to_be_visible()

    page.get_by_role("button", name="Run now").click()
    expect(page.locator(".messages")).to_contain_text("The rule is running.")
    runs = page.get_by_role("region", name="Runs").get_by_role("row").filter(has_text="Run now")
    deadline = time.monotonic() + 60
    while not runs.filter(has_text="Done").count() and time.monotonic() < deadline:
        time.sleep(0.5)  # the worker runs it; the page says to reload
        page.reload()
    # Started, trigger, matched, enrolled, skipped, result: Ana and Ben (the expert is in no team).
    expect(runs).to_have_count(1)
    expect(runs.get_by_role("cell")).to_have_text([re.compile(r"\S"), "Run now", "2", "2", "0", "0", "Done"])

    page.get_by_role("link", name="All rules").click()
    expect(page.get_by_role("row").filter(has_text="Sales onboarding")).to_contain_text("2 enrolled, 0 already enrolled, of 2 matched")
    assert rule.runs.get().enrolled_count == 2


def test_a_learner_is_refused_the_outbox_and_the_rules(page):
    learner = make_user(email="liam@example.com", first_name="Liam")
    failed_message(learner)
    rule = make_rule()

    sign_in(page, "liam@example.com", PASSWORD)
    for url in ("/automation/outbox/", "/automation/outbox/?status=failed", "/automation/rules/",
                f"/automation/rules/{rule.pk}/", "/automation/policy/"):
        response = page.goto(url)
        assert response.status == 403, url
        expect(page.get_by_role("button", name=re.compile("^(Retry|Run now)"))).to_have_count(0)
        expect(page.get_by_text(KEY)).to_have_count(0)
    assert OutboxMessage.objects.get().status == OutboxStatus.FAILED

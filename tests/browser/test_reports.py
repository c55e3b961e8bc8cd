"""In Chromium: an L&D admin clicks the overdue count on the dashboard, narrows the rows to a course,
exports them, opens a person's transcript from their row, and subscribes to the rows by email."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from governance.reports.models import ReportSubscription
from governance.services.rollups import refresh_rollups
from guild.people.roles import Role
from tests.support.browser import sign_in
from tests.support.courses import enrol, make_course
from tests.support.people import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_ld_admin_drills_into_overdue_filters_exports_and_subscribes(page, team):
    make_user(Role.LD_ADMIN, email="admin@example.com", first_name="Priya")
    fire, gdpr = make_course("Fire safety", lessons=1, quiz=False), make_course("GDPR basics", lessons=1, quiz=False)
    late = timezone.localdate() - timedelta(days=5)
    liam = make_user(team=team, first_name="Liam", last_name="Ng")
    enrol(liam, fire, source="assigned", due_date=late)
    enrol(make_user(team=team, first_name="Ana", last_name="Ruiz"), gdpr, source="assigned", due_date=late)
    refresh_rollups()

    page.set_default_timeout(45_000)  # a shared CI machine: the first page of a fresh server can be slow
    sign_in(page, "admin@example.com", PASSWORD)
    page.goto("/governance/")
    overdue = page.locator('[data-figure="overdue"] a')
    expect(overdue).to_have_text("2")
    overdue.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Overdue enrolments")
    expect(page.get_by_test_id("row-count")).to_have_text("2 rows")

    page.get_by_label("Course").select_option(label="Fire safety")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_test_id("row-count")).to_have_text("1 row")
    expect(page.get_by_test_id("figure-rows")).to_contain_text("Liam Ng")
    expect(page.get_by_test_id("figure-rows")).not_to_contain_text("Ana Ruiz")

    with page.expect_download() as download:
        page.get_by_role("link", name="Export CSV").click()
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert len(rows) == 2 and rows[1][0] == "Liam Ng" and rows[1][3] == "Fire safety"

    page.get_by_text("Receive this report by email").click()
    page.get_by_label("How often").select_option("monthly")
    page.get_by_role("button", name="Subscribe").click()
    expect(page.locator(".messages")).to_contain_text("Subscribed")
    sub = ReportSubscription.objects.get()
    assert sub.target == "overdue" and sub.frequency == "monthly" and sub.params["course"] == str(fire.pk)

    page.get_by_test_id("figure-rows").get_by_role("link", name="Liam Ng").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Transcript: Liam Ng")
    expect(page.get_by_test_id("transcript")).to_contain_text("Fire safety")

    page.goto("/me/")
    page.get_by_role("link", name="Reports you receive by email").click()
    expect(page.get_by_test_id("subscriptions")).to_contain_text("Overdue enrolments")
    page.get_by_role("button", name="Unsubscribe from Overdue enrolments").click()
    expect(page.locator(".messages")).to_contain_text("Unsubscribed")
    assert not ReportSubscription.objects.exists()

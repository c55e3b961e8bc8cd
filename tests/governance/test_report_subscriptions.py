"""Report subscriptions: subscribe from a report's page, once per period through the outbox, with the
file built when sent and the subscriber's access checked then; manage and stop them from the profile."""

import email
import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from governance.reports.models import ReportSubscription
from governance.reports.subscriptions import queue_due_reports, subscribe
from governance.reports.tasks import queue_report_emails
from governance.services.rollups import refresh_rollups
from guild.notifications.models import OutboxMessage
from guild.notifications.tasks import deliver_outbox
from guild.people.roles import Role
from tests.automation.test_exactly_once_on_a_real_worker import drain
from tests.support.automation import mail_worker  # noqa: F401 - a real worker sending to the SMTP fixture
from tests.support.courses import enrol, make_course
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def revoke_role(*, user, role):
    from django.contrib.auth.models import Group

    user.groups.remove(Group.objects.get(name=str(role)))


def _overdue(team, n=2):
    course = make_course("Fire drill", lessons=1, quiz=False)
    for _ in range(n):
        enrol(make_user(team=team), course, source="assigned", due_date=timezone.localdate() - timedelta(days=2))
    refresh_rollups()
    return course


def test_an_ld_admin_subscribes_from_the_rows_page_with_its_filters(client, ld_admin, team):
    _overdue(team)
    client.force_login(ld_admin)
    page = reverse("governance:figure_rows", args=["overdue"])
    html = client.get(page, {"team": team.slug, "period": 30}).content.decode()
    assert 'data-testid="subscribe-form"' in html
    response = client.post(reverse("governance:report_subscribe"), {
        "report": "figure", "target": "overdue", "params": f"team={team.slug}&period=30&page=2",
        "frequency": "monthly", "file_format": "csv", "next": page}, follow=True)
    assert "Subscribed" in response.content.decode()
    sub = ReportSubscription.objects.get()
    assert (sub.subscriber, sub.target, sub.params, sub.frequency) == (
        ld_admin, "overdue", {"team": team.slug, "period": "30"}, "monthly")
    listing = client.get(reverse("governance:report_subscriptions")).content.decode()
    assert "Overdue enrolments" in listing and f"team: {team.slug}" in listing


@pytest.mark.parametrize("fields, says", [
    ({"frequency": "daily"}, "Choose every week or every month"),
    ({"params": "team=no-such-team"}, "No team is called"),
    ({"target": "completion_rate_pct"}, "name nothing"),
    ({"report": "payroll"}, "There is no such report"),
    ({"file_format": "pdf"}, "Choose CSV or Excel"),
])
def test_a_bad_subscription_is_refused_with_a_message_and_nothing_saved(client, ld_admin, fields, says):
    client.force_login(ld_admin)
    data = {"report": "figure", "target": "overdue", "params": "", "frequency": "weekly", **fields}
    response = client.post(reverse("governance:report_subscribe"), data, follow=True)
    assert says in response.content.decode()
    assert not ReportSubscription.objects.exists()


def test_nobody_subscribes_to_a_report_they_cannot_see(client, learner, manager):
    for person in (learner, manager):
        client.force_login(person)
        response = client.post(reverse("governance:report_subscribe"),
                               {"report": "figure", "target": "overdue", "frequency": "weekly"}, follow=True)
        assert "You cannot see this report" in response.content.decode()
    assert not ReportSubscription.objects.exists()


def test_the_same_subscription_twice_is_refused(ld_admin):
    assert subscribe(subscriber=ld_admin, report="figure", target="people", params={}, frequency="weekly").subscription
    again = subscribe(subscriber=ld_admin, report="figure", target="people", params={}, frequency="weekly")
    assert "already receive" in again.error and ReportSubscription.objects.count() == 1


def test_one_email_per_period_however_often_the_sweep_runs(ld_admin):
    weekly = subscribe(subscriber=ld_admin, report="figure", target="people", params={}, frequency="weekly").subscription
    monthly = subscribe(subscriber=ld_admin, report="figure", target="people", params={},
                        frequency="monthly").subscription
    monday = date(2026, 11, 23)
    assert queue_due_reports(today=monday)["queued"] == 2
    assert queue_due_reports(today=monday + timedelta(days=3))["queued"] == 0
    assert queue_due_reports(today=monday + timedelta(days=7))["queued"] == 1  # a new week, same month
    assert set(OutboxMessage.objects.values_list("key", flat=True)) == {
        f"report:{monthly.pk}:2026-11", f"report:{weekly.pk}:2026-W48", f"report:{weekly.pk}:2026-W49"}


def test_someone_who_lost_access_is_paused_and_queued_nothing(ld_admin):
    sub = subscribe(subscriber=ld_admin, report="figure", target="people", params={}, frequency="weekly").subscription
    revoke_role(user=ld_admin, role=Role.LD_ADMIN)
    assert queue_due_reports() == {"queued": 0, "paused": 1}
    sub.refresh_from_db()
    assert sub.paused_at is not None and "no longer see" in sub.paused_reason
    assert not OutboxMessage.objects.exists()


def test_people_manage_only_their_own_subscriptions(client, ld_admin, executive):
    mine = subscribe(subscriber=ld_admin, report="figure", target="people", params={}, frequency="weekly").subscription
    client.force_login(executive)
    assert "You receive no report by email" in client.get(reverse("governance:report_subscriptions")).content.decode()
    assert client.post(reverse("governance:report_subscription_delete", args=[mine.pk])).status_code == 404
    assert client.post(reverse("governance:report_subscription_resume", args=[mine.pk])).status_code == 404
    client.force_login(ld_admin)
    assert "Reports you receive by email" in client.get(reverse("people:settings")).content.decode()
    client.post(reverse("governance:report_subscription_delete", args=[mine.pk]))
    assert not ReportSubscription.objects.exists()


def _attachments(envelope):
    message = email.message_from_bytes(envelope.content)
    return {part.get_filename(): part.get_payload(decode=True) for part in message.walk() if part.get_filename()}


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_each_subscriber_the_file_as_they_may_see_it_then(mail_worker, smtp_server, team):  # noqa: F811
    _overdue(team, n=3)
    admin = make_user(Role.LD_ADMIN, email="reports-admin@example.com")
    leaver = make_user(Role.LD_ADMIN, email="reports-leaver@example.com")
    late_leaver = make_user(Role.LD_ADMIN, email="reports-late@example.com")
    for person in (admin, leaver, late_leaver):
        assert subscribe(subscriber=person, report="figure", target="overdue", params={"team": team.slug},
                         frequency="weekly", file_format="xlsx").subscription
    revoke_role(user=leaver, role=Role.LD_ADMIN)
    assert queue_due_reports() == {"queued": 2, "paused": 1}
    # Queued for the late leaver too, who loses access before the outbox sends it.
    revoke_role(user=late_leaver, role=Role.LD_ADMIN)
    deliver_outbox.delay()
    drain()
    # The scheduled task on the worker, twice in the same week: only the new subscriber's email goes out.
    newcomer = make_user(Role.LD_ADMIN, email="reports-new@example.com")
    subscribe(subscriber=newcomer, report="figure", target="overdue", params={"team": team.slug},
              frequency="weekly", file_format="csv")
    queue_report_emails.delay()
    queue_report_emails.delay()
    drain()
    to = sorted(rcpt for envelope in smtp_server.messages for rcpt in envelope.rcpt_tos)
    assert to == ["reports-admin@example.com", "reports-new@example.com"]
    files = {rcpt: _attachments(envelope) for envelope in smtp_server.messages for rcpt in envelope.rcpt_tos}
    (name, content), = files["reports-admin@example.com"].items()
    assert name.startswith("guild-overdue-") and name.endswith(".xlsx")
    assert load_workbook(io.BytesIO(content)).active.max_row == 1 + 3
    (name, content), = files["reports-new@example.com"].items()
    assert name.endswith(".csv") and content.decode().count("Fire drill") == 3
    paused = ReportSubscription.objects.filter(paused_at__isnull=False).values_list("subscriber__email", flat=True)
    assert sorted(paused) == ["reports-late@example.com", "reports-leaver@example.com"]
    assert sorted(OutboxMessage.objects.values_list("status", flat=True)) == ["sent", "sent", "skipped"]


@pytest.mark.parametrize("bad", ["-1", "1e309", "9" * 40])
def test_nonsense_in_the_subscribe_form_is_refused_not_a_server_error(client, ld_admin, bad):
    client.force_login(ld_admin)
    for report in ("figure", "course", "learner"):
        response = client.post(reverse("governance:report_subscribe"), {
            "report": report, "target": bad, "params": bad, "frequency": "weekly", "next": bad})
        assert response.status_code == 302 and response["Location"] == reverse("governance:report_subscriptions")
    assert not ReportSubscription.objects.exists()

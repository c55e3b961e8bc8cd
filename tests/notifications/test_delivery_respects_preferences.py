"""The outbox sender with a real SMTP server: preferences, mandatory reminders, unsubscribe headers."""

from email import message_from_bytes
from email.policy import default as email_policy

import pytest

from guild.notifications.delivery import deliver_outbox
from guild.notifications.models import Channel, Notification, OutboxMessage
from guild.notifications.services import queue_messages, set_preference
from tests.support.automation import due_in, open_policy
from tests.support.courses import make_course

pytestmark = pytest.mark.django_db


def parsed(envelope):
    return message_from_bytes(envelope.original_content, policy=email_policy)


@pytest.fixture
def course(expert):
    return make_course("Working safely", authors=[expert], lessons=1, quiz=False)


@pytest.fixture
def mandatory_course(expert):
    return make_course("Anti-money laundering", authors=[expert], lessons=1, quiz=False, is_mandatory=True)


def sweep():
    from courses.automation.reminders import sweep_reminders

    sweep_reminders(enqueue=False)
    return deliver_outbox()


def test_a_reminder_arrives_as_html_and_text_with_the_absolute_course_link(smtp_server, settings, learner, course):
    settings.GUILD_BASE_URL = "https://guild.example.org"
    open_policy()
    due_in(learner, course, 7)
    assert sweep()["sent"] == 1
    email = parsed(smtp_server.messages[0])
    assert email["To"] == "alice@example.com"
    assert "Working safely" in email["Subject"]
    text = email.get_body(preferencelist=("plain",)).get_content()
    html = email.get_body(preferencelist=("html",)).get_content()
    assert "https://guild.example.org/courses/working-safely" in text
    assert 'href="https://guild.example.org/courses/working-safely' in html
    assert email["List-Unsubscribe"].strip().startswith("<https://guild.example.org/notifications/unsubscribe/")
    assert email["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Notification.objects.filter(recipient=learner, kind="reminder.due").count() == 1


def test_in_app_only_means_no_email_but_the_notice_is_there(smtp_server, learner, course):
    open_policy()
    set_preference(user=learner, kind="reminder.due", channel=Channel.IN_APP)
    due_in(learner, course, 1)
    assert sweep()["sent"] == 1
    assert smtp_server.messages == []
    assert Notification.objects.filter(recipient=learner, kind="reminder.due").exists()
    assert OutboxMessage.objects.get().channels == "in_app"


def test_a_kind_turned_off_is_skipped_not_sent(smtp_server, learner, course):
    open_policy()
    set_preference(user=learner, kind="reminder.due", channel=Channel.OFF)
    due_in(learner, course, 1)
    assert sweep()["skipped"] == 1
    assert smtp_server.messages == [] and not Notification.objects.exists()
    assert OutboxMessage.objects.get().status == "skipped"


def test_mandatory_reminders_ignore_preferences_and_say_why(smtp_server, learner, mandatory_course):
    open_policy()
    set_preference(user=learner, kind="reminder.due", channel=Channel.OFF)
    due_in(learner, mandatory_course, 1)
    assert sweep()["sent"] == 1
    email = parsed(smtp_server.messages[0])
    assert email["List-Unsubscribe"] is None
    text = email.get_body(preferencelist=("plain",)).get_content()
    assert "mandatory compliance course, so it cannot be turned off" in text
    assert "unsubscribe" not in text.lower()


def test_a_malformed_address_fails_that_message_for_good_and_the_others_still_go(
    smtp_server, learner, other_learner, course
):
    from guild.people.models import User

    open_policy()
    due_in(learner, course, 1)
    due_in(other_learner, course, 1)
    User.objects.filter(pk=learner.pk).update(email="alice at example")  # as a broken HR import could
    counts = sweep()
    assert counts == {"sent": 1, "failed": 1, "skipped": 0, "batches": 1}
    failed = OutboxMessage.objects.get(status="failed")
    assert "malformed email address" in failed.last_error
    assert [e.rcpt_tos for e in smtp_server.messages] == [["bob@example.com"]]
    assert deliver_outbox()["batches"] == 0  # not retried automatically: an admin fixes the address, then retries


def test_a_stale_sending_claim_is_sent_again(smtp_server, learner):
    """A worker that died after claiming leaves 'sending' rows; after the lease they go out."""
    from datetime import timedelta

    from django.utils import timezone

    queue_messages([OutboxMessage(key="test:stale", recipient=learner, kind="custom", payload={"title": "Hello"})])
    OutboxMessage.objects.update(status="sending", claimed_at=timezone.now() - timedelta(minutes=30), attempts=1)
    assert deliver_outbox(lease_seconds=600)["sent"] == 1
    assert OutboxMessage.objects.get().attempts == 2


def test_a_fresh_sending_claim_is_left_to_its_worker(smtp_server, learner):
    from django.utils import timezone

    queue_messages([OutboxMessage(key="test:fresh", recipient=learner, kind="custom", payload={"title": "Hello"})])
    OutboxMessage.objects.update(status="sending", claimed_at=timezone.now(), attempts=1)
    assert deliver_outbox(lease_seconds=600)["batches"] == 0
    assert smtp_server.messages == []


def test_notify_with_email_keeps_working_for_other_apps(smtp_server, learner):
    from guild.notifications.services import notify

    notify(recipient=learner, kind="kudos.received", title="Bob thanked you", body="For the SQL help.",
           url="/kudos/", dedupe_key="kudos:1", email=True)
    notify(recipient=learner, kind="kudos.received", title="Bob thanked you", dedupe_key="kudos:1", email=True)
    assert deliver_outbox()["sent"] == 1
    assert Notification.objects.filter(recipient=learner).count() == 1
    assert parsed(smtp_server.messages[0])["Subject"] == "Bob thanked you"


def test_a_shared_mailbox_gets_the_email_without_an_unsubscribe_link(smtp_server):
    queue_messages([OutboxMessage(key="test:mailbox", to_email="learning@example.com", kind="review.escalation",
                                  payload={"course_title": "Joins", "reviewer_name": "Rita", "days_late": 3,
                                           "due_at": "2030-01-01T09:00:00+00:00"})])
    assert deliver_outbox()["sent"] == 1
    email = parsed(smtp_server.messages[0])
    assert email["To"] == "learning@example.com" and email["List-Unsubscribe"] is None
    assert "Review late by 3 days: Joins" == email["Subject"]
    assert not Notification.objects.exists()


def test_a_batch_that_outlives_half_its_lease_hands_the_rest_back_instead_of_risking_a_double_send(
    smtp_server, learner
):
    from datetime import timedelta

    from guild.notifications.delivery import claim, send_claimed

    queue_messages([OutboxMessage(key=f"test:slow:{i}", recipient=learner, kind="custom", payload={"title": "Hi"})
                    for i in range(3)])
    token, rows = claim(limit=10, lease_seconds=600)
    for row in rows:
        row.claimed_at -= timedelta(seconds=400)  # as if the SMTP server had been slow for 400 s
    counts = send_claimed(token, rows, lease_seconds=600)
    assert counts["released"] == 3 and counts["sent"] == 0
    assert set(OutboxMessage.objects.values_list("status", "attempts")) == {("queued", 0)}
    assert smtp_server.messages == []

"""In Chromium: a retention booster arrives by email (on the real local SMTP server) and is answered
from its one-click link, without signing in; the answer moves the question on the schedule."""

import email
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from courses.boosters import services
from courses.models import BoosterItem, BoosterPrompt
from guild.notifications.delivery import deliver_outbox
from tests.support.courses import complete_course_for, make_course
from tests.support.people import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def plain_text(envelope):
    message = email.message_from_bytes(envelope.content)
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")


def test_a_booster_is_answered_from_the_email_link(page, live_server, smtp_server, settings):
    settings.GUILD_BASE_URL = live_server.url
    learner = make_user(email="liam@example.com", first_name="Liam")
    course = make_course("SQL for analysts", authors=[make_user(email="eve@example.com")], lessons=1)
    complete_course_for(learner, course)  # committed: the completion schedules the question
    item = BoosterItem.objects.get(enrolment__learner=learner)
    day = item.due_on  # two days after the course
    assert day == timezone.localdate() + timedelta(days=2)
    services.ask_due(today=day)
    deliver_outbox()

    [envelope] = [e for e in smtp_server.messages if b"booster.questions" in e.content]
    assert envelope.rcpt_tos == ["liam@example.com"]
    text = plain_text(envelope)
    assert "Which clause filters rows before grouping?" in text
    link = re.search(r"  - WHERE: (\S+)", text).group(1)
    assert link.startswith(live_server.url + "/boosters/answer/")

    page.goto(link)
    expect(page.get_by_role("radio", name="WHERE")).to_be_checked()
    assert BoosterPrompt.objects.get().answered_at is None  # opening the link answers nothing
    page.get_by_role("button", name="Submit my answer").click()
    expect(page.get_by_test_id("booster-result")).to_contain_text("Right, well remembered.")
    expect(page.get_by_test_id("booster-result")).to_contain_text("It comes back on")
    item.refresh_from_db()
    assert (item.step, item.due_on) == (1, timezone.localdate() + timedelta(days=7))

"""Links inside Guild are relative, so they work on whatever host and port Guild answers on; only
emails (and documents that leave the site) carry GUILD_BASE_URL. Issue 20, found 1."""

from email import message_from_bytes
from email.policy import default as email_policy

import pytest
from django.urls import reverse

from guild.notifications.delivery import deliver_outbox
from guild.notifications.models import Notification
from guild.notifications.services import notify
from tests.support.automation import due_in, open_policy
from tests.support.courses import make_course

pytestmark = pytest.mark.django_db

BASE = "https://guild.example.org"


@pytest.fixture
def course(expert):
    return make_course("Working safely", authors=[expert], lessons=1, quiz=False)


def test_an_overdue_reminder_links_relatively_in_app_and_absolutely_by_email(
    smtp_server, settings, client, learner, course
):
    settings.GUILD_BASE_URL = BASE
    open_policy(escalate_after_days=0)
    due_in(learner, course, -2)
    from courses.automation.reminders import sweep_reminders

    sweep_reminders(enqueue=False)
    deliver_outbox()
    notice = Notification.objects.get(recipient=learner, kind="reminder.overdue")
    assert notice.url.startswith("/courses/working-safely")
    email = message_from_bytes(smtp_server.messages[0].original_content, policy=email_policy)
    assert f'href="{BASE}/courses/working-safely' in email.get_body(preferencelist=("html",)).get_content()

    client.force_login(learner)
    html = client.get(reverse("notifications:list")).content.decode()
    assert f'href="{notice.url}"' in html
    assert BASE not in html


def test_the_managers_escalation_links_to_the_team_page_relatively(smtp_server, settings, learner, manager, course):
    settings.GUILD_BASE_URL = BASE
    open_policy(escalate_after_days=1)
    due_in(learner, course, -3)
    from courses.automation.reminders import sweep_reminders

    sweep_reminders(enqueue=False)
    deliver_outbox()
    assert Notification.objects.get(recipient=manager, kind="escalation.overdue").url == reverse("automation:team")


def test_a_notice_given_an_absolute_link_to_guild_keeps_it_relative(settings, client, learner):
    settings.GUILD_BASE_URL = BASE
    notice = notify(recipient=learner, kind="review.assigned", title="Review the course", url=f"{BASE}/cms/")
    assert notice.url == "/cms/"
    # Notices stored absolute before this change are shown relative too.
    Notification.objects.filter(pk=notice.pk).update(url=f"{BASE}/learning/")
    client.force_login(learner)
    html = client.get(reverse("notifications:list")).content.decode()
    assert 'href="/learning/"' in html and BASE not in html


def test_the_badge_verification_page_shows_the_emblem_from_this_site(settings, client, expert):
    from rewards.badges import grant_badge
    from rewards.models import Badge, Criterion, Reason

    settings.GUILD_BASE_URL = BASE
    badge = Badge.objects.create(name="Helpful expert", slug="helpful-expert", description="Answered ten questions.",
                                 criterion=Criterion.EVENT_COUNT, reason=Reason.QUESTION_ANSWERED, threshold=10)
    award = grant_badge(person=expert, badge=badge, evidence="10 answers")
    html = client.get(reverse("rewards:verify", args=[award.uid])).content.decode()
    assert f'src="{reverse("rewards:emblem", args=[badge.slug])}"' in html
    assert BASE not in html

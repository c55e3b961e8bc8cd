"""A cohort session to come is changed or cancelled by whoever manages the cohort: members are told
through the outbox with a calendar file for the same event (same UID, SEQUENCE + 1), an updated
REQUEST or a CANCEL; nobody else can; a cancelled session gets no reminder and no attendance."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from courses.models import CohortSession
from courses.services import cohort_admin as services
from courses.services.errors import LearningError
from guild.notifications.delivery import deliver_outbox
from guild.notifications.models import OutboxMessage
from guild.people.roles import Role
from tests.support.people import make_user

from .test_cohorts_managed import course, in_days, new_cohort  # noqa: F401 (the cohort tests' fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(manager, learner, course):  # noqa: F811
    cohort = new_cohort(manager, course)
    services.add_members(by=manager, cohort=cohort, people=[learner])
    return services.schedule_session(by=manager, cohort=cohort, title="Kick-off", starts_at=in_days(3),
                                     duration_minutes=60, location="Room 4")


def _calendar_mails(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox.clear()
    deliver_outbox()
    return [m for m in mail.outbox if m.extra_headers["X-Guild-Kind"] == "cohort.invite"]


def _event(message):
    [(_name, content, mimetype)] = message.attachments
    calendar = Calendar.from_ical(content)
    return str(calendar["method"]), mimetype, calendar.walk("VEVENT")[0]


def test_the_manager_moves_a_session_and_members_get_the_updated_invite(client, manager, session, settings):
    _calendar_mails(settings)  # the first invite
    client.force_login(manager)
    form = client.get(reverse("courses:cohort_session_edit", args=[session.pk])).content.decode()
    assert 'value="Kick-off"' in form and 'value="Room 4"' in form

    moved = in_days(4, hour=14)
    response = client.post(reverse("courses:cohort_session_edit", args=[session.pk]), {
        "title": "Kick-off", "starts_at": moved.strftime("%Y-%m-%dT%H:%M"), "duration_minutes": 90,
        "location": "Room 7"})

    assert response.url == reverse("courses:cohort_manage", args=[session.cohort_id])
    session.refresh_from_db()
    assert (session.starts_at, session.location, session.sequence) == (moved, "Room 7", 1)
    [update] = _calendar_mails(settings)
    assert update.to == ["alice@example.com"] and update.subject == "Changed: Kick-off (Spring leaders)"
    method, mimetype, event = _event(update)
    assert method == "REQUEST" and "method=REQUEST" in mimetype
    assert str(event["uid"]) == f"cohort-session-{session.pk}@guild" and int(event["sequence"]) == 1
    assert event.decoded("dtstart") == moved and "Room 7" in str(event["location"])

    # Saving it again unchanged tells nobody anything.
    services.edit_session(by=manager, session=session, title="Kick-off", starts_at=moved, duration_minutes=90,
                          location="Room 7")
    assert _calendar_mails(settings) == []


def test_ld_cancels_a_session_and_members_get_a_cancellation_not_a_reminder(client, ld_admin, learner, session,
                                                                            settings):
    _calendar_mails(settings)
    client.force_login(ld_admin)
    page = client.post(reverse("courses:cohort_session_cancel", args=[session.pk]), follow=True).content.decode()

    assert "Session cancelled" in page and "Cancelled" in page
    session.refresh_from_db()
    assert session.cancelled_at is not None and session.sequence == 1
    [cancellation] = _calendar_mails(settings)
    assert cancellation.subject == "A cohort session was cancelled"
    method, mimetype, event = _event(cancellation)
    assert method == "CANCEL" and "method=CANCEL" in mimetype
    assert str(event["uid"]) == f"cohort-session-{session.pk}@guild" and int(event["sequence"]) == 1
    assert str(event["status"]) == "CANCELLED"
    # No reminder the day before, no attendance, no second cancellation, no change.
    assert services.sweep_session_reminders(now=session.starts_at - timedelta(hours=20)) == 0
    for call in (lambda: services.cancel_session(by=ld_admin, session=session),
                 lambda: services.edit_session(by=ld_admin, session=session, title="Back", starts_at=in_days(5),
                                               location="Room 4")):
        with pytest.raises(LearningError, match="cancelled"):
            call()
    assert OutboxMessage.objects.filter(kind="cohort.invite", recipient=learner).count() == 2  # invite, cancel


def test_only_whoever_manages_the_cohort_changes_its_sessions(client, learner, session):
    other_manager = make_user(Role.MANAGER, email="mo@example.com")
    for person in (learner, other_manager):
        client.force_login(person)
        assert client.get(reverse("courses:cohort_session_edit", args=[session.pk])).status_code == 404
        assert client.post(reverse("courses:cohort_session_cancel", args=[session.pk])).status_code == 404
    session.refresh_from_db()
    assert (session.sequence, session.cancelled_at) == (0, None)


def test_bad_changes_are_refused_with_a_message_and_nothing_is_sent(client, manager, session):
    client.force_login(manager)
    response = client.post(reverse("courses:cohort_session_edit", args=[session.pk]), {
        "title": "Kick-off", "starts_at": in_days(-1).strftime("%Y-%m-%dT%H:%M"), "duration_minutes": 60,
        "location": "Room 4"})
    assert response.status_code == 400 and "A session is scheduled in the future." in response.content.decode()
    with pytest.raises(LearningError, match="a place or a video link"):
        services.edit_session(by=manager, session=session, title="Kick-off", starts_at=in_days(3))
    started = CohortSession.objects.filter(pk=session.pk)
    started.update(starts_at=in_days(-1))
    with pytest.raises(LearningError, match="has started"):
        services.cancel_session(by=manager, session=started.get())
    session.refresh_from_db()
    assert (session.sequence, session.cancelled_at, session.location) == (0, None, "Room 4")
    assert OutboxMessage.objects.filter(kind="cohort.invite").count() == 1  # the first invite only

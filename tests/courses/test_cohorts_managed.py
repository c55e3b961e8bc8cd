"""Cohorts managed in the product (issue 20, build 3): L&D admins and managers (their own teams)
create a cohort, add members by team or by name, schedule sessions (members get an ICS invite through
the outbox, and a reminder the day before), and record attendance. Learners cannot."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from courses.models import Attendance, Cohort, CohortSession, Enrolment
from courses.services import cohort_admin as services
from courses.services.errors import LearningError
from guild.notifications.delivery import deliver_outbox
from guild.notifications.models import OutboxMessage
from guild.people.models import Team
from guild.people.roles import Role
from tests.support.courses import make_course, make_path
from tests.support.people import make_user

pytestmark = pytest.mark.django_db

def today():
    """Read at each use: a module constant goes stale when the suite runs past midnight."""
    return timezone.localdate()


@pytest.fixture
def course(db):
    return make_course("Leading meetings", lessons=1, quiz=False)


@pytest.fixture
def outsider(db):
    return make_user(team=Team.add_root(name="Legal", slug="legal"), email="olga@example.com", first_name="Olga")


def new_cohort(by, course, **kw):
    return services.create_cohort(by=by, name=kw.pop("name", "Spring leaders"), course=course,
                                  starts_on=today(), ends_on=today() + timedelta(days=30), **kw)


def in_days(days, hour=10):
    local = timezone.localtime() + timedelta(days=days)
    return local.replace(hour=hour, minute=0, second=0, microsecond=0)


def test_a_manager_creates_a_cohort_and_adds_their_team(client, manager, learner, other_learner, team, course, outsider):
    client.force_login(manager)
    response = client.post(reverse("courses:cohort_list"), {
        "name": "Spring leaders", "course": course.pk, "starts_on": today().isoformat(),
        "ends_on": (today() + timedelta(days=30)).isoformat(), "facilitator": learner.pk,
    })
    cohort = Cohort.objects.get()
    assert response.url == reverse("courses:cohort_manage", args=[cohort.pk])
    assert (cohort.created_by, cohort.facilitator, cohort.course_id) == (manager, learner, course.pk)
    html = client.post(reverse("courses:cohort_add_members", args=[cohort.pk]), {"team": team.pk},
                       follow=True).content.decode()
    assert "2 people added" in html
    assert set(cohort.members.all()) == {learner, other_learner}
    enrolment = Enrolment.objects.get(learner=learner, course=course)
    assert (enrolment.source, enrolment.due_date) == ("cohort", cohort.ends_on)
    # The outsider is in no team of theirs: not found by name, and refused if posted.
    page = client.get(reverse("courses:cohort_manage", args=[cohort.pk]), {"q": "Olga"}).content.decode()
    assert "olga@example.com" not in page
    html = client.post(reverse("courses:cohort_add_members", args=[cohort.pk]), {"people": [outsider.pk]},
                       follow=True).content.decode()
    assert "You can only add people from your own teams: Olga Test." in html
    assert not cohort.members.filter(pk=outsider.pk).exists()


def test_ld_adds_people_by_name(client, ld_admin, course, outsider):
    cohort = new_cohort(ld_admin, course)
    client.force_login(ld_admin)
    page = client.get(reverse("courses:cohort_manage", args=[cohort.pk]), {"q": "olg"}).content.decode()
    assert "olga@example.com" in page
    client.post(reverse("courses:cohort_add_members", args=[cohort.pk]), {"people": [outsider.pk]})
    assert list(cohort.members.all()) == [outsider]


def test_a_cohort_on_a_learning_path_enrols_its_members_in_every_published_course(client, ld_admin, outsider):
    first, second = make_course("Agendas", lessons=1, quiz=False), make_course("Minutes", lessons=1, quiz=False)
    draft = make_course("Facilitation (draft)", lessons=1, quiz=False)
    path = make_path("Meeting leader", courses=[first, second, draft])
    draft.unpublish()
    client.force_login(ld_admin)
    response = client.post(reverse("courses:cohort_list"), {
        "name": "Meeting leaders", "path": path.pk, "starts_on": today().isoformat(),
        "ends_on": (today() + timedelta(days=60)).isoformat(),
    })
    cohort = Cohort.objects.get()
    assert response.url == reverse("courses:cohort_manage", args=[cohort.pk])
    assert (cohort.path_id, cohort.course_id) == (path.pk, None)
    html = client.post(reverse("courses:cohort_add_members", args=[cohort.pk]), {"people": [outsider.pk]},
                       follow=True).content.decode()
    assert "Meeting leaders" in html and list(cohort.members.all()) == [outsider]
    enrolments = Enrolment.objects.filter(learner=outsider)
    assert {e.course_id for e in enrolments} == {first.pk, second.pk}  # not the unpublished course
    assert {(e.source, e.due_date) for e in enrolments} == {("cohort", cohort.ends_on)}
    # A course and a path at once, or neither, is refused with words.
    both = client.post(reverse("courses:cohort_list"), {
        "name": "Both", "path": path.pk, "course": first.pk, "starts_on": today().isoformat(),
        "ends_on": today().isoformat()})
    assert both.status_code == 200 and "Choose a course or a learning path (one of them)." in both.content.decode()
    assert Cohort.objects.count() == 1


def test_bad_cohorts_are_refused_and_nothing_is_written(manager, course):
    cases = [
        ({"name": "", "course": course}, "Give the cohort a name."),
        ({"name": "X"}, "Choose a course or a learning path"),
        ({"name": "X", "course": course, "ends_on": today() - timedelta(days=1)}, "cannot end before it starts"),
    ]
    for kw, message in cases:
        kw.setdefault("starts_on", today())
        kw.setdefault("ends_on", today() + timedelta(days=5))
        with pytest.raises(LearningError, match=message):
            services.create_cohort(by=manager, **kw)
    assert not Cohort.objects.exists()


def test_a_learner_cannot_create_or_manage_cohorts(client, learner, manager, course):
    cohort = new_cohort(manager, course)
    client.force_login(learner)
    assert client.get(reverse("courses:cohort_list")).status_code == 403
    assert client.post(reverse("courses:cohort_list"), {"name": "Mine", "course": course.pk}).status_code == 403
    assert client.get(reverse("courses:cohort_manage", args=[cohort.pk])).status_code == 404
    assert client.post(reverse("courses:cohort_add_members", args=[cohort.pk]), {"people": [learner.pk]}).status_code == 404
    assert Cohort.objects.count() == 1 and not cohort.members.exists()


def test_another_manager_cannot_touch_my_cohort(client, manager, course, outsider):
    cohort = new_cohort(manager, course)
    other = make_user(Role.MANAGER, email="mo@example.com")
    client.force_login(other)
    assert client.get(reverse("courses:cohort_manage", args=[cohort.pk])).status_code == 404
    assert client.post(reverse("courses:cohort_schedule", args=[cohort.pk]), {}).status_code == 404




def test_scheduling_a_session_sends_members_an_ics_invite(manager, learner, course, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    cohort = new_cohort(manager, course)
    services.add_members(by=manager, cohort=cohort, people=[learner])
    session = services.schedule_session(by=manager, cohort=cohort, title="Kick-off", starts_at=in_days(3),
                                        duration_minutes=90, location="Room 4", video_url="https://meet.example.com/k")
    deliver_outbox()
    [invite] = [m for m in mail.outbox if m.extra_headers["X-Guild-Kind"] == "cohort.invite"]
    assert invite.to == ["alice@example.com"] and invite.subject == "Invitation: Kick-off (Spring leaders)"
    [(filename, content, mimetype)] = invite.attachments
    assert filename == "invite.ics" and mimetype.startswith("text/calendar")
    from icalendar import Calendar

    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["summary"]) == "Spring leaders: Kick-off"
    assert event.decoded("dtstart") == session.starts_at
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=90)
    assert "Room 4" in str(event["location"]) and str(event["uid"]) == f"cohort-session-{session.pk}@guild"
    # Someone added later is invited to the sessions to come.
    late = make_user(team=learner.team, email="late@example.com")
    services.add_members(by=manager, cohort=cohort, people=[late])
    assert OutboxMessage.objects.filter(kind="cohort.invite", recipient=late).count() == 1


def test_bad_sessions_are_refused(manager, course):
    cohort = new_cohort(manager, course)
    cases = [
        ({"title": "", "starts_at": in_days(2), "location": "Room"}, "title"),
        ({"title": "T", "starts_at": in_days(-1), "location": "Room"}, "in the future"),
        ({"title": "T", "starts_at": in_days(60), "location": "Room"}, "within the cohort's dates"),
        ({"title": "T", "starts_at": in_days(2)}, "a place or a video link"),
        ({"title": "T", "starts_at": in_days(2), "video_url": "javascript:alert(1)"}, "https://"),
    ]
    for kw, message in cases:
        with pytest.raises(LearningError, match=message):
            services.schedule_session(by=manager, cohort=cohort, **kw)
    assert not CohortSession.objects.exists()


def test_members_get_a_reminder_the_day_before_once(manager, learner, course):
    cohort = new_cohort(manager, course)
    services.add_members(by=manager, cohort=cohort, people=[learner])
    session = services.schedule_session(by=manager, cohort=cohort, title="Kick-off", starts_at=in_days(2),
                                        location="Room 4")
    day_before = session.starts_at - timedelta(hours=20)
    assert services.sweep_session_reminders(now=session.starts_at - timedelta(hours=30)) == 0
    assert services.sweep_session_reminders(now=day_before) == 1
    assert services.sweep_session_reminders(now=day_before) == 0
    assert OutboxMessage.objects.filter(kind="cohort.reminder", recipient=learner).count() == 1


def test_attendance_is_recorded_by_the_manager_or_facilitator_not_a_learner(client, manager, learner, other_learner,
                                                                            course):
    cohort = new_cohort(manager, course, facilitator=other_learner)
    services.add_members(by=manager, cohort=cohort, people=[learner])
    session = services.schedule_session(by=manager, cohort=cohort, title="Kick-off", starts_at=in_days(1),
                                        location="Room 4")
    with pytest.raises(LearningError, match="once the session has started"):
        services.record_attendance(by=manager, session=session, present_ids=[learner.pk])
    CohortSession.objects.filter(pk=session.pk).update(starts_at=timezone.now() - timedelta(hours=1))
    client.force_login(learner)
    assert client.post(reverse("courses:cohort_attendance", args=[session.pk]), {"present": [learner.pk]}).status_code == 404
    assert not Attendance.objects.exists()
    client.force_login(other_learner)  # the facilitator
    html = client.post(reverse("courses:cohort_attendance", args=[session.pk]), {"present": [learner.pk]},
                       follow=True).content.decode()
    assert "Attendance saved: 1 present." in html
    assert Attendance.objects.get(learner=learner).present is True
    html = client.post(reverse("courses:cohort_attendance", args=[session.pk]), {"present": ["x"]},
                       follow=True).content.decode()
    assert "Tick the members who came." in html
    assert Attendance.objects.get(learner=learner).present is True


def test_ids_too_large_or_not_ids_are_refused_with_a_message(client, manager, learner, course):
    cohort = new_cohort(manager, course)
    client.force_login(manager)
    url = reverse("courses:cohort_add_members", args=[cohort.pk])
    for data, message in (({"team": "99999999999999999999999"}, "Choose one of your teams."),
                          ({"people": ["99999999999999999999999", "x"]}, "Choose a team, or find people by name")):
        response = client.post(url, data, follow=True)
        assert response.status_code == 200 and message in response.content.decode()
    response = client.post(reverse("courses:cohort_schedule", args=[cohort.pk]),
                           {"title": "x" * 500, "starts_at": "tomorrow", "duration_minutes": "99999999999999"},
                           follow=True)
    assert response.status_code == 200 and "Date and time" in response.content.decode()
    assert not cohort.members.exists() and not CohortSession.objects.exists()

"""The manager's team page (issue 20, build 4): per person and per course progress, overdue first, a
remind button (through the outbox, at most once a day per enrolment), one person's transcript, CSV and
XLSX export, escalations and the digest; a manager sees only their teams; query counts stay flat."""

import csv
import io

import pytest
from django.urls import reverse

from courses.models import EnrolmentStatus
from guild.notifications.models import Notification, OutboxMessage
from guild.people.models import Team
from tests.support.automation import due_in
from tests.support.courses import complete_course_for, make_course
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(db):
    return make_course("Working safely", lessons=1, quiz=False)


@pytest.fixture
def other_course(db):
    return make_course("GDPR basics", lessons=1, quiz=False)


@pytest.fixture
def outsider(db, course):
    """Someone in another team, with an enrolment."""
    other = Team.add_root(name="Legal", slug="legal")
    person = make_user(team=other, email="olga@example.com", first_name="Olga")
    due_in(person, course, -5)
    return person


def test_courses_are_listed_overdue_first_with_progress(client, manager, learner, other_learner, course, other_course):
    due_in(learner, course, 10, progress=40)
    due_in(other_learner, other_course, -3, progress=20)
    complete_course_for(learner, other_course)
    client.force_login(manager)
    html = client.get(reverse("automation:team")).content.decode()
    table = html.split('data-testid="team-courses"')[1].split("</table>")[0]
    rows = table.split("<tr>")[2:]
    assert "Bob" in rows[0] and "GDPR basics" in rows[0] and "Overdue" in rows[0] and "20%" in rows[0]
    assert "Alice" in rows[1] and "Working safely" in rows[1] and "40%" in rows[1]
    assert "Completed" in rows[2] and "Remind" not in rows[2]  # nothing to remind of a finished course


def test_a_reminder_goes_through_the_outbox_once_a_day(client, manager, learner, course, django_capture_on_commit_callbacks):
    enrolment = due_in(learner, course, -2)
    client.force_login(manager)
    url = reverse("automation:team_remind", args=[enrolment.pk])
    with django_capture_on_commit_callbacks(execute=False):
        first = client.post(url, follow=True).content.decode()
        second = client.post(url, follow=True).content.decode()
    assert "Reminder sent to Alice Test." in first
    assert "Alice Test was already reminded today, at" in second
    [message] = OutboxMessage.objects.filter(kind="reminder.manager")
    assert message.recipient == learner and message.payload["manager"] == "Marcus Test"
    assert "Last reminded" in client.get(reverse("automation:team")).content.decode()


def test_the_reminder_reads_well(manager, learner, course, settings):
    from courses.automation.team import remind
    from guild.notifications.delivery import deliver_outbox

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    enrolment = due_in(learner, course, -2, progress=30)
    remind(manager=manager, enrolment_id=enrolment.pk)
    deliver_outbox()
    notice = Notification.objects.get(recipient=learner, kind="reminder.manager")
    assert notice.title == "Marcus Test reminds you: “Working safely”"
    assert "you are 30% through" in notice.body and notice.url.startswith("/")


def test_a_manager_cannot_remind_or_see_someone_outside_their_teams(client, manager, outsider):
    enrolment = outsider.enrolments.get()
    client.force_login(manager)
    assert client.post(reverse("automation:team_remind", args=[enrolment.pk])).status_code == 404
    assert client.get(reverse("automation:team_person", args=[outsider.pk])).status_code == 404
    assert client.post(reverse("automation:team_remind", args=[999999])).status_code == 404
    assert not OutboxMessage.objects.filter(kind="reminder.manager").exists()
    html = client.get(reverse("automation:team")).content.decode()
    assert "Olga" not in html
    assert "Olga" not in client.get(reverse("automation:team_export", args=["csv"])).content.decode()


def test_a_learner_is_refused_every_team_page(client, learner, other_learner, course):
    enrolment = due_in(other_learner, course, -2)
    client.force_login(learner)
    assert client.get(reverse("automation:team")).status_code == 403
    assert client.post(reverse("automation:team_remind", args=[enrolment.pk])).status_code == 403
    assert client.get(reverse("automation:team_person", args=[other_learner.pk])).status_code == 403
    assert client.get(reverse("automation:team_export", args=["csv"])).status_code == 403
    assert not OutboxMessage.objects.filter(kind="reminder.manager").exists()


def test_a_finished_course_cannot_be_reminded(client, manager, learner, course):
    complete_course_for(learner, course)
    enrolment = learner.enrolments.get()
    assert enrolment.status == EnrolmentStatus.COMPLETED
    client.force_login(manager)
    html = client.post(reverse("automation:team_remind", args=[enrolment.pk]), follow=True).content.decode()
    assert "there is nothing to remind them of" in html
    assert not OutboxMessage.objects.filter(kind="reminder.manager").exists()


def test_the_transcript_shows_one_persons_courses_and_certificates(client, manager, learner, course, other_course):
    certificate = complete_course_for(learner, course)
    due_in(learner, other_course, -1, progress=50)
    client.force_login(manager)
    team_page = client.get(reverse("automation:team")).content.decode()
    assert reverse("automation:team_person", args=[learner.pk]) in team_page
    html = client.get(reverse("automation:team_person", args=[learner.pk])).content.decode()
    table = html.split('data-testid="transcript"')[1]
    assert "Working safely" in table and "Completed" in table and certificate.code in table
    assert "GDPR basics" in table and "Overdue" in table and "50%" in table


def test_the_export_as_csv_and_xlsx(client, manager, learner, other_learner, course):
    from openpyxl import load_workbook

    due_in(learner, course, -2, progress=10)
    make_user(team=learner.team, first_name="=HYPERLINK(1)")  # no enrolment: not in the export
    due_in(other_learner, course, 5)
    client.force_login(manager)
    response = client.get(reverse("automation:team_export", args=["csv"]))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:5] == ["Person", "Email", "Team", "Course", "Status"]
    assert rows[1][0] == "Alice Test" and rows[1][7] == "yes" and rows[1][5] == "10"
    assert rows[2][0] == "Bob Test" and rows[2][7] == "no"
    response = client.get(reverse("automation:team_export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[2]][:4] == ["Alice Test", "alice@example.com", "Analytics", "Working safely"]
    assert client.get(reverse("automation:team_export", args=["pdf"])).status_code == 404


def test_escalations_and_the_digest_are_on_the_team_page(client, manager):
    Notification.objects.create(recipient=manager, kind="escalation.overdue", title="Alice is overdue on “SQL”",
                                url=reverse("automation:team"))
    Notification.objects.create(recipient=manager, kind="digest.team", title="Your team's learning this week",
                                body="Your team this week: 3 people", url=reverse("automation:team"))
    client.force_login(manager)
    html = client.get(reverse("automation:team")).content.decode()
    assert "Alice is overdue on “SQL”" in html and "Your team this week: 3 people" in html


TEAM_BOUND = 16


@pytest.mark.parametrize("size", [2, 25])
def test_the_team_pages_run_a_fixed_number_of_queries(client, manager, team, course, other_course, size,
                                                     django_assert_max_num_queries):
    people = [make_user(team=team) for _ in range(size)]
    for n, person in enumerate(people):
        enrolment = due_in(person, course, -1 if n % 2 else 3)
        due_in(person, other_course, 7)
        if n % 3 == 0:
            from courses.automation.team import remind

            remind(manager=manager, enrolment_id=enrolment.pk)
    client.force_login(manager)
    client.get(reverse("automation:team"))  # warm caches (site, roles)
    with django_assert_max_num_queries(TEAM_BOUND):
        assert client.get(reverse("automation:team")).status_code == 200
    with django_assert_max_num_queries(TEAM_BOUND):
        assert client.get(reverse("automation:team_person", args=[people[0].pk])).status_code == 200
    with django_assert_max_num_queries(TEAM_BOUND):
        assert client.get(reverse("automation:team_export", args=["csv"])).status_code == 200

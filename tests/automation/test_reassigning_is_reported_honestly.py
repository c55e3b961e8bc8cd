"""A manager re-assigning a course someone already has: the message says what happened to whom,
and the learner is told of a new due date. Issue 20, found 5."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import Enrolment
from guild.notifications.delivery import deliver_outbox
from guild.notifications.models import Notification
from tests.support.courses import enrol, make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(expert):
    return make_course("Working safely", authors=[expert], lessons=1, quiz=False)


def assign(client, course, learner, due):
    response = client.post(reverse("automation:team"), {"course": course.pk, "learners": [learner.pk],
                                                        "due_date": due.isoformat()}, follow=True)
    return " ".join(str(m) for m in response.context["messages"])


def test_an_earlier_due_date_is_reported_and_the_learner_is_told(client, manager, learner, course):
    enrol(learner, course, source="assigned", due_date=timezone.localdate() + timedelta(days=30))
    client.force_login(manager)
    new_due = timezone.localdate() + timedelta(days=10)

    said = assign(client, course, learner, new_due)

    assert "Assigned to 0" not in said
    assert "1 person already had it: their due date is now" in said and "they are told" in said
    assert Enrolment.objects.get(learner=learner).due_date == new_due
    deliver_outbox()
    notice = Notification.objects.get(recipient=learner, kind="enrolment.due_changed")
    assert "New due date" in notice.title and "Working safely" in notice.title


def test_a_later_due_date_changes_nothing_and_says_so(client, manager, learner, course):
    due = timezone.localdate() + timedelta(days=5)
    enrol(learner, course, source="assigned", due_date=due)
    client.force_login(manager)

    said = assign(client, course, learner, due + timedelta(days=20))

    assert "nothing changed for them" in said and "Assigned to 0" not in said
    assert Enrolment.objects.get(learner=learner).due_date == due
    deliver_outbox()
    assert not Notification.objects.filter(recipient=learner).exists()


def test_a_new_assignment_reads_as_one(client, manager, learner, course):
    client.force_login(manager)
    assert assign(client, course, learner, timezone.localdate() + timedelta(days=3)) == "Assigned to 1 person."

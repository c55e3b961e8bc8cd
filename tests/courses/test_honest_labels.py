"""Labels that say what is true: the catalogue's enrolment status, Rewards' completed courses, and
leaving a course asks first. Issue 20, found 9 (the needs board's re-post message is governance's)."""

import io
import re

import pytest
from django.urls import reverse

from courses.models import Enrolment
from tests.support.courses import complete_course_for, enrol, lessons_of, make_course

pytestmark = pytest.mark.django_db


def card(html, title):
    start = html.index(title)
    return html[start: html.index("</article>", start)]


def test_the_catalogue_says_enrolled_not_in_progress_until_the_learner_starts(client, learner):
    course = make_course("SQL for analysts", lessons=2, quiz=False)
    enrol(learner, course)
    client.force_login(learner)
    label = card(client.get("/courses/").content.decode(), "SQL for analysts")
    assert "Not started" in label and "In progress" not in label

    client.get(lessons_of(course)[0].url)  # opening a lesson starts the course
    label = card(client.get("/courses/").content.decode(), "SQL for analysts")
    assert "In progress" in label and "Not started" not in label


def test_rewards_counts_the_same_completed_courses_as_my_learning(client, django_capture_on_commit_callbacks):
    from guild.people import demo as people_demo
    from rewards import demo as rewards_demo
    from rewards.models import Reason, RewardLedgerEntry

    people_demo.seed(stdout=io.StringIO())
    rewards_demo.seed(stdout=io.StringIO())
    learner = Enrolment._meta.get_field("learner").related_model.objects.get(email="learner@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        complete_course_for(learner, make_course("Privacy", lessons=1))
    completed = Enrolment.objects.filter(learner=learner, status="completed").count()
    assert RewardLedgerEntry.objects.filter(person=learner, reason=Reason.COURSE_COMPLETED).count() == completed == 1


def test_leaving_a_course_asks_first_and_stays_on_cancel(client, learner):
    course = make_course("Negotiation", lessons=1, quiz=False)
    enrol(learner, course)
    client.force_login(learner)
    html = client.get(course.url).content.decode()
    leave = reverse("courses:unenrol", args=[course.pk])
    assert f'href="{leave}"' in html  # a link to a confirmation page, not a button that leaves at once

    page = client.get(leave)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Leave “Negotiation”?" in text and "Stay enrolled" in text and not re.search(r"<script(?![^>]*\bsrc=)", text)
    assert Enrolment.objects.get(learner=learner).status == "active"

    client.post(leave)
    assert Enrolment.objects.get(learner=learner).status == "withdrawn"


def test_nobody_else_can_open_the_confirmation(client, other_learner, learner):
    course = make_course("Negotiation", lessons=1, quiz=False)
    enrol(learner, course)
    client.force_login(other_learner)
    assert client.get(reverse("courses:unenrol", args=[course.pk])).status_code == 404

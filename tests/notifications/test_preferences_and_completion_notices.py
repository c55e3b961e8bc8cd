"""The preferences page offers each person the kinds meant for their roles; finishing a course
(and earning its certificate) sends a notice. Issue 20, found 12."""

import pytest
from django.urls import reverse

from guild.notifications import kinds
from guild.notifications.delivery import deliver_outbox
from guild.notifications.models import Notification, OutboxMessage
from guild.people.roles import Role
from tests.support.courses import complete_course_for, make_course

pytestmark = pytest.mark.django_db


def preferences(client, person):
    client.force_login(person)
    return client.get(reverse("notifications:preferences")).content.decode()


def test_a_learner_is_not_offered_the_managers_messages(client, learner, manager):
    mine = preferences(client, learner)
    assert "Due-date reminders" in mine and "Courses you complete" in mine
    assert "Team members overdue" not in mine and "Weekly team digest" not in mine

    theirs = preferences(client, manager)
    assert "Team members overdue" in theirs and "Weekly team digest" in theirs


def test_a_kind_for_reviewers_is_offered_to_reviewers_only(client, learner, reviewer):
    kinds.register("test.for_reviewers", label="Test reviews waiting", roles=(Role.REVIEWER,))
    try:
        assert "Test reviews waiting" not in preferences(client, learner)
        assert "Test reviews waiting" in preferences(client, reviewer)
    finally:
        kinds._KINDS.pop("test.for_reviewers")


def test_review_and_authoring_messages_are_offered_to_those_who_review_and_author(client, learner, expert, ld_admin):
    mine = preferences(client, learner)
    for label in ("Review reminders", "Late reviews", "Late L&amp;D sign-offs", "Weekly feedback digest"):
        assert label not in mine, f"a learner is offered “{label}”"
    experts = preferences(client, expert)
    assert "Review reminders" in experts and "Weekly feedback digest" in experts
    assert "Late reviews" not in experts and "Late L&amp;D sign-offs" not in experts
    admins = preferences(client, ld_admin)
    assert "Late reviews" in admins and "Late L&amp;D sign-offs" in admins and "Weekly feedback digest" in admins


def test_finishing_a_course_sends_a_notice_with_the_certificate(learner, django_capture_on_commit_callbacks):
    course = make_course("SQL for analysts", lessons=1, certificate_validity_months=12)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = complete_course_for(learner, course)
    with django_capture_on_commit_callbacks(execute=True):
        complete_course_for(learner, course)  # already complete: no second notice
    assert OutboxMessage.objects.filter(recipient=learner, kind="course.completed").count() == 1
    deliver_outbox()
    notice = Notification.objects.get(recipient=learner, kind="course.completed")
    assert notice.title == "Course completed: SQL for analysts"
    assert "Your certificate is ready." in notice.body and "valid until" in notice.body
    assert notice.url == reverse("courses:certificate", args=[certificate.pk])

"""The authors' community is a discussion board for experts and reviewers only."""

import pytest
from django.urls import reverse

from courses.models import DiscussionThread

pytestmark = pytest.mark.django_db


def test_an_expert_starts_a_discussion_and_a_reviewer_replies(client, expert, reviewer):
    client.force_login(expert)
    response = client.post(reverse("sme:community"), {"title": "Lesson length?", "body": "How long?"})
    thread = DiscussionThread.objects.get(space="authors")
    assert response["Location"] == reverse("sme:thread", args=[thread.pk])
    client.force_login(reviewer)
    client.post(reverse("sme:thread", args=[thread.pk]), {"body": "Ten minutes."})
    thread.refresh_from_db()
    assert thread.post_count == 2


def test_a_learner_cannot_read_or_post_in_the_community(client, learner, expert):
    from sme.services import start_thread

    thread = start_thread(author=expert, title="Private", body="Experts only")
    client.force_login(learner)
    assert client.get(reverse("sme:community")).status_code == 403
    assert client.post(reverse("sme:thread", args=[thread.pk]), {"body": "Hi"}).status_code == 403


def test_course_discussions_are_not_reachable_through_the_community(client, catalogue, expert, learner):
    from courses import services as course_services
    from tests.support.courses import make_course

    course = make_course("Live", authors=[expert], lessons=1)
    thread, _post = course_services.start_thread(author=expert, title="About the course", body="Hi", course=course)
    client.force_login(expert)
    assert client.get(reverse("sme:thread", args=[thread.pk])).status_code == 404

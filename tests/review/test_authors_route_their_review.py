"""Routing the author controls: suggest reviewers among eligible experts (load shown), and nudge a
late reviewer at most once a day (issue 19, what to build 4)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.review.models import ReviewAssignment, SuggestedReviewer
from guild.notifications.models import Notification
from tests.support.courses import make_course
from tests.support.people import make_user
from tests.support.review import make_reviewer, submit_for_review

pytestmark = pytest.mark.django_db


def test_the_author_suggests_an_eligible_reviewer_who_is_asked_first(client, catalogue, expert):
    make_reviewer("SQL"), make_reviewer("SQL")
    wanted = make_reviewer("SQL")  # same load, later id: the pool alone would pick the other two
    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    client.force_login(expert)
    page = client.get(reverse("sme:review:course", args=[course.pk])).text
    assert f"{wanted.display_name} (0 reviews open)" in page
    client.post(reverse("sme:review:suggest", args=[course.pk]), {"reviewer": wanted.pk})
    assert SuggestedReviewer.objects.filter(course=course, reviewer=wanted).exists()
    submit_for_review(course, expert)
    assert ReviewAssignment.objects.filter(course=course, reviewer=wanted).exists()
    assert ReviewAssignment.objects.filter(course=course).count() == 2


def test_co_authors_and_people_without_the_skill_cannot_be_suggested(client, catalogue, expert, other_expert):
    outsider = make_reviewer("Cooking")
    course = make_course("Joins", authors=[expert], co_authors=[other_expert], skills=["SQL"], publish=False)
    client.force_login(expert)
    page = client.get(reverse("sme:review:course", args=[course.pk])).text
    select = page.split('id="suggest-reviewer"')[1].split("</select>")[0] if 'id="suggest-reviewer"' in page else ""
    assert other_expert.display_name not in select and outsider.display_name not in select
    for person in (other_expert, outsider):
        client.post(reverse("sme:review:suggest", args=[course.pk]), {"reviewer": person.pk})
    assert not SuggestedReviewer.objects.filter(course=course).exists()


def test_only_authors_suggest(client, catalogue, expert):
    stranger = make_reviewer("SQL")
    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    client.force_login(stranger)
    assert client.post(reverse("sme:review:suggest", args=[course.pk]), {"reviewer": stranger.pk}).status_code == 404
    assert not SuggestedReviewer.objects.exists()


@pytest.fixture
def late_review(catalogue, expert):
    make_reviewer("SQL"), make_reviewer("SQL")
    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(course, expert)
    assignment = ReviewAssignment.objects.filter(course=course).first()
    assignment.due_at = timezone.now() - timedelta(days=2)
    assignment.save(update_fields=["due_at"])
    return assignment


def test_the_author_nudges_a_late_reviewer_once_a_day(client, late_review, expert):
    client.force_login(expert)
    assert reverse("sme:review:nudge", args=[late_review.pk]) in client.get(reverse("sme:workspace")).text
    for _ in range(2):
        client.post(reverse("sme:review:nudge", args=[late_review.pk]))
    assert Notification.objects.filter(recipient=late_review.reviewer, kind="review.nudge").count() == 1


def test_a_review_not_yet_late_cannot_be_nudged(client, late_review, expert):
    late_review.due_at = timezone.now() + timedelta(days=2)
    late_review.save(update_fields=["due_at"])
    client.force_login(expert)
    client.post(reverse("sme:review:nudge", args=[late_review.pk]))
    assert not Notification.objects.filter(kind="review.nudge").exists()


def test_only_authors_nudge(client, late_review):
    from guild.people.roles import Role

    stranger = make_user(Role.EXPERT)
    client.force_login(stranger)
    assert client.post(reverse("sme:review:nudge", args=[late_review.pk])).status_code == 404
    assert not Notification.objects.filter(kind="review.nudge").exists()

"""Reviewers are picked among experts and reviewers who share a skill, least-loaded first."""

from datetime import timedelta

import pytest
from django.utils import timezone

from governance.review import services
from governance.review.models import ReviewAssignment
from guild.notifications.models import Notification
from tests.support.courses import make_course
from tests.support.review import current_round, make_reviewer, submit_for_review

pytestmark = pytest.mark.django_db


def test_the_least_loaded_people_sharing_a_skill_are_assigned_with_a_due_date(catalogue, expert, settings):
    settings.GUILD_REVIEW_SLA_DAYS = 5
    busy = make_reviewer("SQL")
    other_author = make_reviewer("Statistics")
    other = make_course("Busy work", authors=[other_author], skills=["SQL"], publish=False)
    submit_for_review(other, other_author)  # `busy` is the only one who can review it
    assert ReviewAssignment.objects.filter(reviewer=busy).count() == 1
    free = [make_reviewer("SQL"), make_reviewer("SQL")]
    make_reviewer("Negotiation")  # shares no skill with the course
    make_reviewer("SQL", level=1)  # too junior in the skill
    make_reviewer("SQL", roles=())  # holds the skill but is neither expert nor reviewer

    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    before = timezone.now()
    submit_for_review(course, expert)
    assignments = list(current_round(course).review_assignments.all())
    assert {a.reviewer for a in assignments} == set(free)
    for a in assignments:
        assert before + timedelta(days=5) <= a.due_at <= timezone.now() + timedelta(days=5)


def test_reviewers_are_notified_when_assigned(catalogue, expert, django_capture_on_commit_callbacks):
    reviewer = make_reviewer("SQL")
    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    with django_capture_on_commit_callbacks(execute=True):
        submit_for_review(course, expert)
    assert Notification.objects.filter(recipient=reviewer, kind="review.assigned").count() == 1


def test_ld_admins_are_told_when_too_few_people_can_review(catalogue, expert, ld_admin, django_capture_on_commit_callbacks):
    make_reviewer("SQL")
    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    with django_capture_on_commit_callbacks(execute=True):
        submit_for_review(course, expert)
    assert current_round(course).review_assignments.count() == 1
    assert Notification.objects.filter(recipient=ld_admin, kind="review.short_of_reviewers").exists()


def test_an_ld_admin_can_reassign_a_review_and_others_cannot(catalogue, expert, ld_admin):
    first, second = make_reviewer("SQL"), make_reviewer("SQL")
    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(course, expert)
    assignment = current_round(course).review_assignments.get(reviewer=first)
    replacement = make_reviewer("Statistics")
    with pytest.raises(services.ReviewError, match="L&D"):
        services.reassign(assignment=assignment, new_reviewer=replacement, by=second)
    with pytest.raises(services.ReviewError, match="authors"):
        services.reassign(assignment=assignment, new_reviewer=expert, by=ld_admin)
    new = services.reassign(assignment=assignment, new_reviewer=replacement, by=ld_admin)
    assignment.refresh_from_db()
    assert assignment.decision == "reassigned" and new.reviewer == replacement
    assert set(current_round(course).review_assignments.filter(decision="pending").values_list("reviewer", flat=True)) == {
        second.pk, replacement.pk
    }

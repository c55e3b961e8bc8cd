"""The peer review's part of the experts' pages (hooks declared in sme.extensions) and its menu entry."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from guild.core.navigation import NavGroup, NavItem
from guild.people.roles import Role
from sme import extensions

from .models import ReviewAssignment, ReviewDecision
from .selectors import courses_reviewed_by, review_queue


@hooks.register(extensions.URLS)
def review_urls():
    # Under sme's namespace: the review pages are "sme:review:…".
    return [path("reviews/", include("governance.review.urls"))]


@hooks.register("guild_nav_items")
def review_nav_items():
    return [
        NavItem(_("Reviews"), "sme:review:queue", roles=(Role.REVIEWER, Role.LD_ADMIN), order=55, group=NavGroup.CONTRIBUTE),
    ]


@hooks.register(extensions.REVIEWS_ASSIGNED)
def reviews_assigned(*, user, limit):
    return list(review_queue(reviewer=user)[:limit])


@hooks.register(extensions.REVIEWS_WAITING)
def reviews_waiting(*, user):
    return ReviewAssignment.objects.filter(reviewer=user, decision=ReviewDecision.PENDING).count()


@hooks.register(extensions.ROUND_REVIEWERS)
def round_reviewers(*, round_ids):
    reviewers = {}
    for assignment in ReviewAssignment.objects.filter(task_state_id__in=round_ids).select_related("reviewer"):
        reviewers.setdefault(assignment.task_state_id, []).append(assignment)
    return reviewers


@hooks.register(extensions.COURSES_IN_REVIEW_BY)
def courses_in_review_by(*, user):
    return ReviewAssignment.objects.filter(reviewer=user).values("course_id")


@hooks.register(extensions.COURSES_REVIEWED)
def courses_reviewed(*, user, limit):
    return list(courses_reviewed_by(user=user).live()[:limit])

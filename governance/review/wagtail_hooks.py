"""The peer review's part of the experts' pages (hooks declared in sme.extensions) and its menu entry."""

from django.shortcuts import redirect
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import SaveDraftMenuItem

from courses.models import CoursePage
from courses.permissions import course_author_ids

from guild.core.navigation import NavGroup, NavItem
from guild.people.roles import Role
from sme import extensions

from . import editor
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


@hooks.register(extensions.COURSES_REVIEWED)
def courses_reviewed(*, user, limit):
    return list(courses_reviewed_by(user=user).live()[:limit])


@hooks.register("before_edit_page")
def reviewers_only_comment(request, page):
    """Every POST to Wagtail's editor (save, autosave, publish, submit, restart, cancel, revert)."""
    if request.method != "POST" or not isinstance(page, CoursePage):
        return None
    if editor.reviews_only(page, request.user):
        return editor.reviewer_edit_post(request, page)
    if request.POST.get("action-cancel-workflow") and request.user.pk not in course_author_ids(page):
        # Someone other than the authors (L&D at sign-off) confirms and gives the authors a reason first.
        return redirect("sme:review:cancel", course_id=page.pk)
    return None


class SaveCommentsMenuItem(SaveDraftMenuItem):
    label = _("Save comments")
    template_name = "review/admin/save_comments.html"


REVIEWER_HIDDEN_ITEMS = {"action-save-draft", "action-cancel-workflow", "action-restart-workflow", "action-publish",
                         "action-submit"}


@hooks.register("construct_page_action_menu")
def reviewers_menu(menu_items, request, context):
    page = context.get("page")
    if context.get("view") != "edit" or not isinstance(page, CoursePage) or not editor.reviews_only(page, request.user):
        return
    # A reviewer saves comments, never the course; approve and request changes stay in the menu.
    menu_items[:] = [SaveCommentsMenuItem(order=0)] + [i for i in menu_items if i.name not in REVIEWER_HIDDEN_ITEMS]

"""The peer review's part of the experts' pages (hooks declared in sme.extensions) and its menu entry."""

from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import (
    CancelWorkflowMenuItem,
    RestartWorkflowMenuItem,
    SaveDraftMenuItem,
    SubmitForModerationMenuItem,
)

from courses.models import CoursePage, LessonPage
from courses.permissions import course_author_ids
from guild.core.navigation import NavGroup, NavItem
from guild.people.roles import Role
from sme import extensions

from . import block_comments, editor
from .models import ReviewAssignment, ReviewDecision
from .rounds import round_numbers
from .selectors import courses_reviewed_by, review_queue
from .status import review_status, round_statuses


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


@hooks.register(extensions.ROUND_STATUS)
def round_status(*, round_ids):
    return {ts_id: status.headline for ts_id, status in round_statuses(round_ids).items()}


@hooks.register(extensions.COURSES_IN_REVIEW_BY)
def courses_in_review_by(*, user):
    return ReviewAssignment.objects.filter(reviewer=user).values("course_id")


@hooks.register(extensions.COURSES_REVIEWED)
def courses_reviewed(*, user, limit):
    return list(courses_reviewed_by(user=user).live()[:limit])


@hooks.register("before_edit_page")
def reviewers_only_comment(request, page):
    """Every POST to Wagtail's editor (save, autosave, publish, submit, restart, cancel, revert)."""
    if isinstance(page, LessonPage) and request.method == "GET":
        _show_block_comments(request, page)
        return None
    if not isinstance(page, CoursePage):
        return None
    if request.method == "GET":
        _show_review_status(request, page)
        return None
    if request.method != "POST":
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


def _show_review_status(request, page):
    """The author's editor opens with where the review stands and the comments still to address."""
    if request.user.pk not in course_author_ids(page):
        return
    status = review_status(page)
    if status is None:
        return
    messages.info(request, status.headline)
    for who, text in status.comments[:10]:
        messages.warning(request, f"{who}: {text}")


def _show_block_comments(request, lesson):
    """The lesson's editor opens with the reviewers' open comments on its blocks, each naming its
    block as the editor numbers them, and where to resolve them."""
    course = lesson.get_parent().specific
    if not isinstance(course, CoursePage) or request.user.pk not in course_author_ids(course):
        return
    comments = block_comments.open_comments_of_lesson(lesson)
    if not comments:
        return
    numbers = round_numbers([c.task_state_id for c in comments])
    for c in comments[:20]:
        label = _("Round %(round)d · block %(n)d · %(who)s") % {
            "round": numbers.get(c.task_state_id, 1), "n": c.block_number, "who": c.author.display_name}
        # The block's id lets pinned-comments.js repeat the comment beside its block.
        messages.warning(request, format_html('{}: <span data-guild-block-comment="{}" data-guild-comment-label="{}">{}</span>',
                                              label, c.block_id, label, c.text))
    messages.info(request, format_html(
        '{} <a href="{}">{}</a>', _("Once a comment is dealt with, mark it resolved on the course's review page:"),
        reverse("sme:review:course", args=[course.pk]) + "#comments", _("review comments"),
    ))


@hooks.register("insert_editor_js")
def pinned_comments_js():
    return format_html('<script src="{}" defer></script>', static("review/pinned-comments.js"))


# Wagtail's own success messages after a submit or a restart, in the words of peer review.
def _plain_workflow_message(request, page):
    from django.utils.translation import gettext

    title = page.get_admin_display_title()
    jargon = {
        gettext("Page '%(page_title)s' has been submitted for moderation.") % {"page_title": title},
        gettext("Workflow on page '%(page_title)s' has been restarted.") % {"page_title": title},
    }
    # Wagtail renders its message with its buttons ("View draft", "Edit") into safe HTML: only
    # its sentence is replaced, the buttons stay. `_queued_messages` holds this request's messages.
    queued = getattr(messages.get_messages(request), "_queued_messages", [])
    for message in queued:
        text = str(message.message)
        found = next((escape(j) for j in jargon if escape(j) in text), None)
        if found:
            status = review_status(page)
            plain = _("“%(course)s” is with the reviewers.") % {"course": page.title}
            # Safe: Wagtail escaped `text`; an escaped sentence replaces an escaped sentence.
            message.message = mark_safe(text.replace(found, escape(plain + (" " + status.headline if status else ""))))  # noqa: S308


@hooks.register("after_edit_page")
def plain_words_after_submit(request, page):
    if isinstance(page, CoursePage) and request.method == "POST":
        _plain_workflow_message(request, page)


class SubmitForReviewMenuItem(SubmitForModerationMenuItem):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page is not None and page.pk else None
        if state and state.status == state.STATUS_NEEDS_CHANGES:
            context["label"] = _("Send the changes to the reviewers")
        else:
            context["label"] = _("Submit for peer review")
        return context


class RestartReviewMenuItem(RestartWorkflowMenuItem):
    label = _("Start a new review round")


class CancelReviewMenuItem(CancelWorkflowMenuItem):
    label = _("Cancel the review")


PLAIN_ITEMS = {"action-submit": SubmitForReviewMenuItem, "action-restart-workflow": RestartReviewMenuItem,
               "action-cancel-workflow": CancelReviewMenuItem}


@hooks.register("construct_page_action_menu")
def plain_words_for_courses(menu_items, request, context):
    """Authors read "Submit for peer review", not Wagtail's "Submit to Course review" / "Resubmit to…"."""
    match = getattr(request, "resolver_match", None)
    creating_a_course = context.get("view") == "create" and match is not None and (
        match.kwargs.get("content_type_model_name") == CoursePage._meta.model_name
    )
    if not (isinstance(context.get("page"), CoursePage) or creating_a_course):
        return
    for i, item in enumerate(menu_items):
        if item.name in PLAIN_ITEMS and type(item) is not PLAIN_ITEMS[item.name]:
            menu_items[i] = PLAIN_ITEMS[item.name](order=item.order)

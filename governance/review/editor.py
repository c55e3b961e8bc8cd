"""What an assigned reviewer may do in Wagtail's page editor: read and comment, nothing else.

Wagtail lets whoever may moderate a task open the editor (`PeerReviewTask.user_can_access_editor`),
and its editor saves comments only as part of "Save draft", which would also save a revision with
whatever the reviewer typed into the course. So every POST a reviewer sends to the editor (save,
autosave, publish, submit, restart, cancel, revert) comes here first, through Wagtail's
`before_edit_page` hook: the comments are saved on the page, the content never is, and every other
action is refused. Approve and request changes are taken (through the task's `on_action` and
`services`, as Wagtail's workflow-action view does), without the content."""

import json
import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import PageSubscription

from .services import notify_authors

log = logging.getLogger(__name__)

# The editor's POST names of the actions a reviewer may never take (Wagtail's action menu).
REFUSED_ACTIONS = ("action-publish", "action-submit", "action-restart-workflow", "action-cancel-workflow")


def reviews_only(page, user) -> bool:
    tester = page.permissions_for_user(user)
    return bool(getattr(tester, "reviews_only", lambda: False)())


def _editor_form(request, page):
    form_class = page.get_edit_handler().get_form_class()
    return form_class(
        request.POST, request.FILES, instance=page, parent_page=page.get_parent(), for_user=request.user,
        subscription=PageSubscription.objects.filter(page=page, user=request.user).first(),
    )


@transaction.atomic
def save_comments_only(*, request, page, form=None) -> int:
    """Save the comments (new ones, replies, resolutions, deletions of one's own) of an editor
    POST, and nothing of the page's content. Returns how many comments changed; raises
    ValueError when the comments are invalid (someone else's comment edited, for instance)."""
    form = form or _editor_form(request, page)
    comments = form.formsets.get("comments")
    if comments is None:
        return 0
    if not comments.is_valid():
        raise ValueError(_("Your comments could not be saved: %(errors)s") % {"errors": comments.errors})
    comments.save(commit=False)
    latest = page.get_latest_revision()
    for comment in comments.new_objects:
        comment.page_id = page.pk
        comment.revision_created = latest
        comment.save()  # a new comment keeps its position (Comment.save); replies commit with it
    for comment, _fields in comments.changed_objects:
        comment.save()
    for comment in comments.deleted_objects:
        if comment.pk and comment.user_id == request.user.pk:
            comment.delete()
    if comments.new_objects:
        _tell_authors(page=page, reviewer=request.user, new=comments.new_objects)
    changed = len(comments.new_objects) + len(comments.changed_objects) + len(comments.deleted_objects)
    log.info("review: %s saved %d comment change(s) on page %s (content left alone)", request.user.pk, changed, page.pk)
    return changed


def _tell_authors(*, page, reviewer, new):
    # Wagtail's own comment emails go out from its save path, which a reviewer's comments skip.
    n = len(new)
    transaction.on_commit(lambda: notify_authors(
        course=page, kind="review.comment",
        title=lambda: ngettext("%(name)s left a comment on “%(course)s”", "%(name)s left %(n)d comments on “%(course)s”", n)
        % {"name": reviewer.display_name, "course": page.title, "n": n},
        body="\n".join(c.text for c in new)[:1000], url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
        key="review.comment:" + ",".join(str(c.pk) for c in new),
    ))


def _decide(request, page):
    """Approve / request changes sent from the editor's menu: Wagtail's editor posts the whole form with
    the modal's data; the decision is taken and the comments kept, the content is not saved."""
    task = page.current_workflow_task
    action = request.POST.get("workflow-action-name", "")
    if task is None or action not in [name for name, _label, _modal in task.get_actions(page, request.user)]:
        messages.error(request, _("This review round is closed."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    try:
        extra = json.loads(request.POST.get("workflow-action-extra-data") or "{}")
    except ValueError:
        extra = {}
    try:
        with transaction.atomic():
            save_comments_only(request=request, page=page)
            task.on_action(page.current_workflow_task_state, request.user, action, **extra)
    except (PermissionDenied, ValueError) as exc:
        messages.error(request, str(exc) or _("Your decision could not be recorded."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    messages.success(request, _("Thank you: your decision on “%(course)s” is recorded.") % {"course": page.title})
    return redirect("sme:review:queue")


def _comment_field_updates(form):
    """What Wagtail's autosave client writes back into the open form after a save: the ids of the
    comments just created (and the formset's new INITIAL_FORMS), so that the next save updates
    them instead of creating them again. Wagtail's `get_field_updates_for_resave`, for the
    comments formset only: the content formsets were not saved."""
    comments = form.formsets["comments"]
    updates = {}
    if comments.total_form_count() != comments.initial_form_count():
        updates[f"{comments.management_form.prefix}-INITIAL_FORMS"] = str(comments.total_form_count())
    for f in comments.forms:
        id_name = f"{f.prefix}-id"
        if comments.can_delete and comments._should_delete_form(f):
            if form.data.get(id_name):
                updates[id_name] = ""
        else:
            updates.update(dict(getattr(f, "get_field_updates_for_resave", list)()))
            if f.instance.pk and not form.data.get(id_name):
                updates[id_name] = str(f.instance.pk)
    return updates


def _autosave_answer(request, page):
    """Wagtail's editor autosaves every few seconds once something changed (a reviewer's new
    comment, for one). For a reviewer the autosave keeps the comments only, and answers as
    Wagtail's own autosave does, pointing at the revision they are reading: an error here made
    the editor show "could not save" and, not knowing the new comments' ids, post them again."""
    form = _editor_form(request, page)
    try:
        save_comments_only(request=request, page=page, form=form)
    except ValueError as exc:
        return JsonResponse({"success": False, "error_code": "reviewer_comments_only", "error_message": str(exc)},
                            status=400)
    latest = page.get_latest_revision()
    return JsonResponse({
        "success": True, "pk": page.pk,
        "revision_id": latest.pk if latest else None,
        "revision_created_at": latest.created_at.isoformat() if latest else None,
        "field_updates": _comment_field_updates(form) if "comments" in form.formsets else {},
        "comments": form.serialize_comments(request.user),
    })


def reviewer_edit_post(request, page):
    """The answer to a reviewer's POST to the editor: comments saved, anything else refused."""
    wants_json = not request.accepts("text/html")  # Wagtail's autosave, as its edit view tells
    if request.POST.get("action-workflow-action") and not wants_json:
        return _decide(request, page)
    refused = next((name for name in REFUSED_ACTIONS if request.POST.get(name)), None)
    if wants_json and not refused:
        return _autosave_answer(request, page)
    if refused:
        message = _("Reviewers read and comment; only the authors change, submit or cancel the course. "
                    "Approve or request changes from the workflow menu.")
    else:
        try:
            save_comments_only(request=request, page=page)
        except ValueError as exc:
            message = str(exc)
        else:
            message = _("Your comments are saved. Reviewers don't change the course: the authors see your "
                        "comments and make the changes.")
    if wants_json:
        return JsonResponse({"success": False, "error_code": "reviewer_comments_only", "error_message": message},
                            status=400)
    (messages.error if refused else messages.success)(request, message)
    return redirect("wagtailadmin_pages:edit", page.pk)

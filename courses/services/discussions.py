"""Starting discussions and replying. Who may take part is decided by courses.discussion_access."""

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from guild.events.models import Verb
from guild.events.services import record_event

from .. import signals
from ..discussion_access import can_take_part
from ..models.discussions import DiscussionPost, DiscussionThread
from .errors import LearningError
from .limits import MAX_COMMENT_LENGTH, MAX_TITLE_LENGTH
from .mentions import notify_mentions


def _clean_body(body):
    body = (body or "").strip()
    if not body:
        raise LearningError(_("Write a message first."))
    if len(body) > MAX_COMMENT_LENGTH:
        raise LearningError(
            gettext("Your message is %(length)d characters long; keep it under %(n)d.") % {"length": len(body), "n": MAX_COMMENT_LENGTH}
        )
    return body


def start_thread(*, author, title, body, course=None, cohort=None, space=""):
    title = (title or "").strip()
    if not title:
        raise LearningError(_("Give your discussion a title."))
    if len(title) > MAX_TITLE_LENGTH:
        raise LearningError(gettext("Keep the title under %(n)d characters.") % {"n": MAX_TITLE_LENGTH})
    body = _clean_body(body)
    thread = DiscussionThread(author=author, title=title, course=course, cohort=cohort, space=space)
    if not can_take_part(user=author, thread=thread):
        raise LearningError(_("You cannot post in this discussion."))
    with transaction.atomic():
        thread.save()
        post = _add_post(thread=thread, author=author, body=body)
    return thread, post


def post_reply(*, author, thread, body, parent=None):
    body = _clean_body(body)
    if not can_take_part(user=author, thread=thread):
        raise LearningError(_("You cannot post in this discussion."))
    if parent is not None and parent.thread_id != thread.pk:
        raise LearningError(_("You can only reply to a message in this discussion."))
    with transaction.atomic():
        return _add_post(thread=thread, author=author, body=body, parent=parent)


def _add_post(*, thread, author, body, parent=None):
    post = DiscussionPost.objects.create(thread=thread, author=author, body=body, parent=parent)
    DiscussionThread.objects.filter(pk=thread.pk).update(post_count=F("post_count") + 1, last_post_at=post.created_at)
    course_id = thread.course_id or (thread.cohort.course_id if thread.cohort_id else None)
    record_event(
        actor=author, verb=Verb.COMMENTED, object_type="discussion", object_id=thread.pk, object_name=thread.title,
        course_id=course_id, context={"post": post.pk, "reply": parent is not None},
    )
    # The people mentioned who cannot see the discussion, for the view to say so (they are not told).
    post.not_told = notify_mentions(post=post)
    signals.send_on_commit(signals.post_created, DiscussionPost, post=post)
    return post

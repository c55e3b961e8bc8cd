"""Votes on discussion posts (a question is a thread's opening post; replies are answers), and the
answer an author's reply gives. Counts are kept on the rows so pages sort by them without counting."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from guild.notifications.services import notify
from guild.people.roles import Role

from ..discussion_access import can_take_part
from ..models.discussions import DiscussionPost, DiscussionThread, PostVote
from ..models.pages import CourseAuthor
from .errors import LearningError

ANSWERED_KIND = "courses.answered"


def opening_post_id(thread) -> int | None:
    return thread.posts.order_by("created_at", "pk").values_list("pk", flat=True).first()


def _move_count(post, delta):
    DiscussionPost.objects.filter(pk=post.pk).update(vote_count=Greatest(F("vote_count") + delta, 0))
    if opening_post_id(post.thread) == post.pk:
        DiscussionThread.objects.filter(pk=post.thread_id).update(vote_count=Greatest(F("vote_count") + delta, 0))


def vote(*, voter, post):
    """One vote per person and post; not for one's own post. A second vote is refused and changes nothing."""
    if not can_take_part(user=voter, thread=post.thread):
        raise LearningError(_("You cannot take part in this discussion."))
    if post.author_id == voter.pk:
        raise LearningError(_("You cannot vote for your own message."))
    with transaction.atomic():
        try:
            with transaction.atomic():
                PostVote.objects.create(post=post, voter=voter)
        except IntegrityError:
            raise LearningError(_("You already voted for this message.")) from None
        _move_count(post, 1)


def withdraw_vote(*, voter, post) -> bool:
    """Undo one's vote; undoing a vote that is not there changes nothing. Returns True if removed."""
    with transaction.atomic():
        removed, _by_model = PostVote.objects.filter(post=post, voter=voter).delete()
        if removed:
            _move_count(post, -1)
    return bool(removed)


def author_ids(thread) -> set:
    if not thread.course_id:
        return set()
    return set(CourseAuthor.objects.filter(course_id=thread.course_id).values_list("user_id", flat=True))


def can_mark_answer(*, user, thread, authors=None) -> bool:
    """The person who asked, the course's authors and L&D admins mark (or unmark) the answer."""
    if not thread.course_id or not user.is_authenticated:
        return False
    authors = author_ids(thread) if authors is None else authors
    return user.pk == thread.author_id or user.pk in authors or user.has_role(Role.LD_ADMIN)


def mark_answer(*, by, post):
    """Mark a course author's reply as the answer to its thread's question (replacing any earlier one)."""
    thread = post.thread
    authors = author_ids(thread)
    if not can_mark_answer(user=by, thread=thread, authors=authors):
        raise LearningError(_("Only the person who asked and the course's authors can mark the answer."))
    if post.pk == opening_post_id(thread):
        raise LearningError(_("The question cannot be its own answer."))
    if post.author_id not in authors:
        raise LearningError(_("Only a reply by one of the course's authors can be marked as the answer."))
    DiscussionThread.objects.filter(pk=thread.pk).update(answer=post)
    thread.answer = post
    if thread.author_id != by.pk and thread.author.is_active:
        # The asker hears it when an author marks the answer (they marked it themselves otherwise).
        url = reverse("courses:thread", kwargs={"thread_id": thread.pk}) + f"#post-{post.pk}"
        notify(recipient=thread.author, kind=ANSWERED_KIND, email=True, url=url, body=post.body[:500],
               title=lambda: _("Your question “%(thread)s” has an answer") % {"thread": thread.title},
               dedupe_key=f"{ANSWERED_KIND}:{thread.pk}:{post.pk}")
    return thread


def clear_answer(*, by, thread):
    if not can_mark_answer(user=by, thread=thread):
        raise LearningError(_("Only the person who asked and the course's authors can mark the answer."))
    DiscussionThread.objects.filter(pk=thread.pk).update(answer=None)
    thread.answer = None
    return thread

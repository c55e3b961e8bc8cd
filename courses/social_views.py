"""Social learning on lessons and discussions: reactions (and their undo), lesson ratings, votes,
answers and @mention suggestions.

Every action is a plain form POST that redirects back (works without JavaScript); when the page's
script sends it with `Accept: application/json`, the view answers with the re-rendered fragment
instead, so the page updates in place (static/guild/js/swap-forms.js). CSRF is checked either way."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .discussion_access import can_take_part
from .models.discussions import DiscussionPost, DiscussionThread
from .selectors.mentions import mention_suggestions as mention_suggestions_for
from .selectors.social import lesson_social, thread_view
from .services import feedback as feedback_services
from .services import votes as vote_services
from .services.errors import LearningError
from .views import _live_course, _live_lesson, visible_cohort


def wants_fragment(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _answer(request, *, error, success, url, fragment):
    """The redirect (with a message) a form expects, or JSON with the fresh fragment for the script."""
    if wants_fragment(request):
        if error:
            return JsonResponse({"error": error}, status=400)
        return JsonResponse({"html": fragment(), "message": success})
    if error:
        messages.error(request, error)
    elif success:
        messages.success(request, success)
    return redirect(url)


def _try(action):
    try:
        action()
    except LearningError as exc:
        return str(exc.message)
    return ""


# --- lessons ------------------------------------------------------------------------------------


@require_POST
@login_required
def react(request, lesson_id):
    """Add a reaction (`kind`), undo one (`undo`), or ask a question (`kind=question` with `text`)."""
    lesson = _live_lesson(lesson_id)
    undo = request.POST.get("undo", "")
    kind = undo or request.POST.get("kind", "")
    if undo:
        error = _try(lambda: feedback_services.withdraw_reaction(learner=request.user, lesson=lesson, kind=undo))
        success = _("Your reaction is removed.")
    else:
        error = _try(lambda: feedback_services.react(learner=request.user, lesson=lesson, kind=kind,
                                                    text=request.POST.get("text", ""),
                                                    anonymous=request.POST.get("anonymous") == "1"))
        success = _("Thanks: the authors will see your question.") if kind == "question" else _("Thanks for your feedback.")

    def fragment():
        social = lesson_social(lesson=lesson, user=request.user)
        return render_to_string("courses/includes/reactions.html", {"page": lesson, "social": social}, request=request)

    return _answer(request, error=error, success=success, url=lesson.get_url(request) + "#feedback", fragment=fragment)


@require_POST
@login_required
def rate_lesson(request, lesson_id):
    lesson = _live_lesson(lesson_id)
    error = _try(lambda: feedback_services.rate_lesson(learner=request.user, lesson=lesson, stars=request.POST.get("stars")))
    return _answer(request, error=error, success=_("Thanks for rating this lesson."),
                   url=lesson.get_url(request) + "#rating", fragment=lambda: "")


# --- discussions ----------------------------------------------------------------------------------


def _visible_thread(request, thread_id):
    thread = get_object_or_404(DiscussionThread.objects.select_related("course", "cohort"), pk=thread_id)
    if thread.course_id and not thread.course.live:
        raise Http404
    if not can_take_part(user=request.user, thread=thread):
        raise PermissionDenied
    return thread


@require_POST
@login_required
def vote(request, post_id):
    """Vote for a question or an answer, or undo the vote (`undo`)."""
    post = get_object_or_404(DiscussionPost.objects.select_related("thread"), pk=post_id)
    thread = _visible_thread(request, post.thread_id)
    post.thread = thread
    if request.POST.get("undo"):
        error = _try(lambda: vote_services.withdraw_vote(voter=request.user, post=post))
        success = _("Your vote is removed.")
    else:
        error = _try(lambda: vote_services.vote(voter=request.user, post=post))
        success = _("Thanks for your vote.")

    def fragment():
        view = thread_view(thread=thread, user=request.user, only_post=post.pk)
        return render_to_string("courses/includes/post_votes.html", {"post": view.posts[0], "view": view}, request=request)

    url = reverse("courses:thread", kwargs={"thread_id": thread.pk}) + f"#post-{post.pk}"
    return _answer(request, error=error, success=success, url=url, fragment=fragment)


@require_POST
@login_required
def mark_answer(request, thread_id):
    """Mark a reply as the answer (`post`), or clear the answer (`clear`)."""
    thread = _visible_thread(request, thread_id)
    url = reverse("courses:thread", kwargs={"thread_id": thread.pk})
    if request.POST.get("clear"):
        error = _try(lambda: vote_services.clear_answer(by=request.user, thread=thread))
        return _answer(request, error=error, success=_("The question is open again."), url=url, fragment=lambda: "")
    post = thread.posts.filter(pk=request.POST.get("post", "")).first() if request.POST.get("post", "").isdigit() else None
    if post is None:
        return _answer(request, error=_("Choose a reply in this discussion."), success="", url=url, fragment=lambda: "")
    error = _try(lambda: vote_services.mark_answer(by=request.user, post=post))
    return _answer(request, error=error, success=_("Marked as the answer."), url=url + f"#post-{post.pk}", fragment=lambda: "")


@require_GET
@login_required
def mention_suggestions(request, thread_id):
    """People who can take part in the thread whose name matches `q`: the @mention autocomplete."""
    thread = _visible_thread(request, thread_id)
    return _suggestions(request, thread)


@require_GET
@login_required
def course_mention_suggestions(request, course_id):
    """The same for a discussion about to be started on a course (the "Start a discussion" form)."""
    return _suggestions(request, DiscussionThread(course=_live_course(course_id)))


@require_GET
@login_required
def cohort_mention_suggestions(request, slug):
    """The same for a discussion about to be started in a cohort: its members and facilitator."""
    return _suggestions(request, DiscussionThread(cohort=visible_cohort(request, slug)))


def _suggestions(request, thread):
    return JsonResponse({"results": mention_suggestions_for(thread=thread, user=request.user, query=request.GET.get("q", ""))})

"""Retention boosters: the learner's questions in Guild, the emailed one-click links, the per-course switch."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ..models.boosters import BoosterPrompt
from ..models.enrolment import Enrolment
from ..services.errors import LearningError
from . import services


@login_required
def boosters(request):
    return render(request, "courses/boosters/list.html", {
        "prompts": services.open_prompts(learner=request.user),
        "courses": services.courses_with_boosters(learner=request.user),
    })


def _result_page(request, result, status=200):
    choices = result.question["choices"]
    return render(request, "courses/boosters/result.html", {
        "result": result, "picked": [choices[i] for i in result.picked if i < len(choices)],
        "right": [c for c in choices if c["correct"]],
    }, status=status)


@require_POST
@login_required
def answer(request, pk):
    prompt = BoosterPrompt.objects.select_related("item__enrolment__course", "item__lesson").filter(
        pk=pk, learner=request.user).first()
    if prompt is None:
        raise Http404  # someone else's question: not theirs to see
    try:
        result = services.answer(prompt=prompt, choices=request.POST.getlist("choice"), learner=request.user)
    except LearningError as error:
        messages.error(request, error.message)
        return redirect("courses:boosters")
    return _result_page(request, result)


@require_http_methods(["GET", "POST"])
def answer_link(request, token):
    """The emailed link. GET only shows the question with the answer picked (mail gateways follow
    links, and must not answer for people); the POST records it. The signed token is the credential:
    no sign-in needed, and it names one prompt of one person."""
    parsed = services.read_token(token)
    if parsed is None:
        return render(request, "courses/boosters/link.html", {"invalid": True}, status=400)
    prompt, choice = parsed
    question = services.question_for(prompt)
    if question is None:
        return render(request, "courses/boosters/link.html", {"gone": True}, status=410)
    if request.method == "POST":
        try:
            result = services.answer(prompt=prompt, choices=request.POST.getlist("choice"))
        except LearningError as error:
            return render(request, "courses/boosters/link.html", {
                "prompt": prompt, "question": question, "token": token, "error": error.message,
            }, status=400)
        return _result_page(request, result)
    if prompt.answered_at is not None:
        return _result_page(request, services.BoosterResult(prompt, question, bool(prompt.correct), prompt.choices,
                                                            prompt.item.due_on, already=True))
    return render(request, "courses/boosters/link.html", {
        "prompt": prompt, "question": question, "token": token, "picked": choice,
    })


@require_POST
@login_required
def switch(request, course_id):
    enrolment = get_object_or_404(Enrolment.objects.filter(booster_items__isnull=False).distinct()
                                  .select_related("course"), learner=request.user, course_id=course_id)
    enabled = request.POST.get("enabled") == "on"
    services.set_enabled(learner=request.user, course=enrolment.course, enabled=enabled)
    messages.success(request, (_("Retention boosters are on for “%(course)s”.") if enabled else
                               _("No more retention boosters for “%(course)s”.")) % {"course": enrolment.course.title})
    return redirect("courses:boosters")

"""Asking for, and answering, more quiz attempts (see services.attempt_requests)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from guild.people.roles import Role

from .models.quizzes import AttemptRequest
from .services import attempt_requests as services
from .services.errors import LearningError
from .views import _live_lesson


@require_POST
@login_required
def request_attempts(request, lesson_id):
    lesson = _live_lesson(lesson_id)
    try:
        services.request_more_attempts(learner=request.user, lesson=lesson, message=request.POST.get("message", ""))
    except LearningError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your request is with the course's authors and L&D. You will get a notification "
                                    "when they answer."))
    return redirect(lesson.get_url(request) + "#quiz")


@login_required
def attempt_requests(request):
    """The requests waiting for this person: course authors see their courses', L&D every one."""
    if not request.user.has_role(Role.EXPERT, Role.LD_ADMIN):
        raise PermissionDenied
    return render(request, "courses/attempt_requests.html", {"pending": services.pending_for(user=request.user)})


@require_POST
@login_required
def decide(request, pk):
    attempt_request = get_object_or_404(AttemptRequest.objects.select_related("enrolment__course"), pk=pk)
    if not services.can_decide(user=request.user, attempt_request=attempt_request):
        raise Http404  # not theirs to see
    decision = request.POST.get("decision")
    if decision not in ("grant", "decline"):
        messages.error(request, _("Choose to grant or decline the request."))
        return redirect("courses:attempt_requests")
    try:
        done = services.decide(attempt_request=attempt_request, by=request.user, grant=decision == "grant",
                               note=request.POST.get("note", ""))
    except LearningError as error:
        messages.error(request, error.message)
    else:
        name = done.enrolment.learner.display_name
        messages.success(request, (_("%(name)s can take the quiz again; they are told.") if decision == "grant" else
                                   _("Declined; %(name)s is told.")) % {"name": name})
    return redirect("courses:attempt_requests")

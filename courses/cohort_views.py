"""Cohorts managed in the product (see services.cohort_admin): list and create, members, sessions, attendance."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from guild.core.safe_input import parse_id
from guild.people.models import Team

from .cohort_forms import CohortForm, SessionForm
from .models.cohorts import Attendance, Cohort, CohortSession
from .services import cohort_admin as services
from .services.errors import LearningError


@login_required
def cohort_list(request):
    if not services.can_create(request.user):
        raise PermissionDenied
    people = services.people_for(request.user)
    form = CohortForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        try:
            cohort = services.create_cohort(by=request.user, **form.cleaned_data)
        except LearningError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Cohort created. Add its members and schedule its sessions."))
            return redirect("courses:cohort_manage", cohort.pk)
    return render(request, "courses/cohort_admin/list.html", {
        "cohorts": services.managed_by(request.user), "form": form,
    })


def _managed(request, pk):
    cohort = get_object_or_404(Cohort.objects.select_related("course", "path", "facilitator"), pk=pk)
    if not services.can_take_attendance(request.user, cohort):
        raise Http404  # not theirs to see
    return cohort


@login_required
def cohort_manage(request, pk):
    cohort = _managed(request, pk)
    manage = services.can_manage(request.user, cohort)
    members = list(cohort.memberships.select_related("learner").order_by("learner__first_name", "learner__email"))
    sessions = list(cohort.sessions.all())
    marks = {(a.session_id, a.learner_id): a.present for a in Attendance.objects.filter(session__in=sessions)}
    query = request.GET.get("q", "").strip()[:100]
    found = []
    if manage and query:
        found = list(services.people_for(request.user).filter(
            Q(first_name__icontains=query) | Q(last_name__icontains=query) | Q(email__icontains=query)
        ).exclude(cohort_memberships__cohort=cohort).order_by("first_name", "last_name")[:20])
    return render(request, "courses/cohort_admin/manage.html", {
        "cohort": cohort, "manage": manage, "members": members, "query": query, "found": found,
        "teams": services.teams_for(request.user).order_by("path") if manage else [],
        "sessions": [(s, [(m.learner, marks.get((s.pk, m.learner_id))) for m in members]) for s in sessions],
        "session_form": SessionForm(initial={"duration_minutes": 60}), "now": timezone.now(),
    })


@require_POST
@login_required
def cohort_add_members(request, pk):
    cohort = _managed(request, pk)
    people = services.people_for(request.user)
    team_id = request.POST.get("team")
    if team_id:
        team = Team.objects.filter(pk=parse_id(team_id)).first() if parse_id(team_id) else None
        if team is None or not services.teams_for(request.user).filter(pk=team.pk).exists():
            messages.error(request, _("Choose one of your teams."))
            return redirect("courses:cohort_manage", cohort.pk)
        chosen = list(people.filter(team__path__startswith=team.path))
    else:
        ids = [n for n in map(parse_id, request.POST.getlist("people")) if n]
        chosen = list(people.model.objects.filter(pk__in=ids))
        if not chosen:
            messages.error(request, _("Choose a team, or find people by name and tick them."))
            return redirect("courses:cohort_manage", cohort.pk)
    try:
        added = services.add_members(by=request.user, cohort=cohort, people=chosen)
    except LearningError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, ngettext("%(n)d person added; they are enrolled and invited to the sessions.",
                                           "%(n)d people added; they are enrolled and invited to the sessions.",
                                           len(added)) % {"n": len(added)})
    return redirect("courses:cohort_manage", cohort.pk)


@require_POST
@login_required
def cohort_schedule(request, pk):
    cohort = _managed(request, pk)
    form = SessionForm(request.POST)
    if form.is_valid():
        try:
            services.schedule_session(by=request.user, cohort=cohort, **form.cleaned_data)
        except LearningError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Session scheduled; members get a calendar invite."))
            return redirect("courses:cohort_manage", cohort.pk)
    else:
        messages.error(request, " ".join(f"{form.fields[f].label}: {' '.join(e)}" if f in form.fields else " ".join(e)
                                         for f, e in form.errors.items()))
    return redirect("courses:cohort_manage", cohort.pk)


@require_POST
@login_required
def cohort_attendance(request, pk):
    session = get_object_or_404(CohortSession.objects.select_related("cohort"), pk=pk)
    if not services.can_take_attendance(request.user, session.cohort):
        raise Http404
    try:
        n = services.record_attendance(by=request.user, session=session, present_ids=request.POST.getlist("present"))
    except LearningError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, ngettext("Attendance saved: %(n)d present.", "Attendance saved: %(n)d present.", n)
                         % {"n": n})
    return redirect("courses:cohort_manage", session.cohort_id)


def _session_managed(request, pk):
    session = get_object_or_404(CohortSession.objects.select_related("cohort"), pk=pk)
    if not services.can_manage(request.user, session.cohort):
        raise Http404  # not theirs to change
    return session


@login_required
def cohort_session_edit(request, pk):
    """Change a session to come; members get the updated calendar invite."""
    session = _session_managed(request, pk)
    form = SessionForm(request.POST or None, initial={
        "title": session.title, "starts_at": timezone.localtime(session.starts_at),
        "duration_minutes": session.duration_minutes, "location": session.location, "video_url": session.video_url})
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_session(by=request.user, session=session, **form.cleaned_data)
        except LearningError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Session changed; members get the updated calendar invite."))
            return redirect("courses:cohort_manage", session.cohort_id)
    return render(request, "courses/cohort_admin/session_edit.html", {"session": session, "form": form},
                  status=400 if form.errors else 200)


@require_POST
@login_required
def cohort_session_cancel(request, pk):
    session = _session_managed(request, pk)
    try:
        services.cancel_session(by=request.user, session=session)
    except LearningError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Session cancelled; members get the cancellation for their calendar."))
    return redirect("courses:cohort_manage", session.cohort_id)

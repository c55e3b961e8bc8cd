"""The learning-needs board, open to every employee; L&D admins triage."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from governance.forms import CommentForm, NeedForm, TriageForm, VolunteerForm
from governance.models.needs import LearningNeed
from governance.permissions import LD
from governance.selectors.needs import closed_needs, need_priority, priority_list
from governance.services import needs as need_services
from guild.core.permissions import role_required
from guild.people.roles import Role


@login_required
def needs_board(request):
    priorities = priority_list(user=request.user)
    return render(request, "governance/needs/board.html", {
        "priorities": priorities, "closed": closed_needs(), "can_triage": request.user.has_role(Role.LD_ADMIN),
    })


@login_required
def need_create(request):
    form = NeedForm(request.POST or None, initial={"team": request.user.team_id})
    if request.method == "POST" and form.is_valid():
        try:
            result = need_services.post_need(author=request.user, **form.cleaned_data)
        except need_services.NeedError as exc:
            form.add_error("title", str(exc))
        else:
            if result.created:
                messages.success(request, _("Your need is on the board. Share it so colleagues can vote."))
            else:
                if need_services.vote(need=result.need, voter=request.user):
                    messages.warning(request, _("This need is already on the board, so we added your vote to it. "
                                                "Add what is specific to you as a comment."))
                else:
                    messages.info(request, _("This need is already on the board and you have already voted for it. "
                                             "Add what is specific to you as a comment."))
            return redirect("governance:need", pk=result.need.pk)
    return render(request, "governance/needs/form.html", {"form": form})


@login_required
def need_detail(request, pk):
    need = get_object_or_404(LearningNeed.objects.select_related("goal", "team", "skill", "course", "author"), pk=pk)
    is_admin = request.user.has_role(Role.LD_ADMIN)
    context = {
        "need": need,
        "priority": need_priority(need),
        "comments": need.comments.select_related("author"),
        "volunteers": need.volunteers.select_related("expert"),
        "history": need.status_changes.select_related("changed_by"),
        "initiatives": need.initiatives.all(),
        "voted": need.votes.filter(voter=request.user).exists(),
        "volunteered": need.volunteers.filter(expert=request.user).exists(),
        "comment_form": CommentForm(),
        "volunteer_form": VolunteerForm() if request.user.has_role(Role.EXPERT) and need.is_open else None,
        "triage_form": TriageForm(initial={"status": need.status, "course": need.course_id}) if is_admin else None,
    }
    return render(request, "governance/needs/detail.html", context)


@login_required
@require_POST
def need_vote(request, pk):
    need = get_object_or_404(LearningNeed, pk=pk)
    if request.POST.get("action") == "remove":
        need_services.unvote(need=need, voter=request.user)
        messages.success(request, _("Your vote was removed."))
    else:
        need_services.vote(need=need, voter=request.user)
        messages.success(request, _("Thanks: your vote counts towards this need's priority."))
    return redirect(request.POST.get("next") if request.POST.get("next") == reverse("governance:needs") else
                    reverse("governance:need", args=[need.pk]))


@login_required
@require_POST
def need_comment(request, pk):
    need = get_object_or_404(LearningNeed, pk=pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        need_services.comment(need=need, author=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Comment posted."))
    else:
        messages.error(request, _("Write a comment before sending it."))
    return redirect("governance:need", pk=need.pk)


@role_required(Role.EXPERT)
@require_POST
def need_volunteer(request, pk):
    need = get_object_or_404(LearningNeed, pk=pk)
    form = VolunteerForm(request.POST)
    form.is_valid()
    try:
        need_services.volunteer(need=need, expert=request.user, note=form.cleaned_data.get("note", ""))
        messages.success(request, _("Thank you: L&D will contact you about authoring this course."))
    except need_services.NeedError as exc:
        messages.error(request, str(exc))
    return redirect("governance:need", pk=need.pk)


@role_required(*LD)
@require_POST
def need_triage(request, pk):
    need = get_object_or_404(LearningNeed, pk=pk)
    form = TriageForm(request.POST)
    if form.is_valid():
        try:
            need_services.triage(need=need, by=request.user, **form.cleaned_data)
            messages.success(request, _("Status saved; the poster and everyone who voted will be notified with your note."))
        except need_services.NeedError as exc:
            messages.error(request, str(exc))
    else:
        messages.error(request, _("Choose a status and write a note."))
    return redirect("governance:need", pk=need.pk)

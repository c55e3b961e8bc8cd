"""Thin views: they check the role, call a service or selector, and render."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from governance.models.committees import ActionItem, ActionStatus, Committee, Meeting
from governance.models.kpis import KPIDefinition
from governance.models.needs import LearningNeed
from governance.models.roadmap import BusinessGoal, Initiative
from guild.core.permissions import role_required
from guild.people.models import Team
from guild.people.roles import Role

from . import charts
from .forms import (
    ActionForm,
    CommentForm,
    CommitteeForm,
    DecisionForm,
    GoalForm,
    InitiativeForm,
    KPIForm,
    KPIImportForm,
    MaturityForm,
    MeetingForm,
    MissionForm,
    NeedForm,
    TriageForm,
    VolunteerForm,
)
from .maturity import DIMENSIONS, LEVELS
from .selectors import dashboard as dash_selectors
from .selectors import roadmap as roadmap_selectors
from .selectors.evidence import maturity_evidence
from .selectors.needs import closed_needs, need_priority, priority_list
from .services import kpis as kpi_services
from .services import maturity as maturity_services
from .services import needs as need_services
from .services import roadmap as roadmap_services

LD = (Role.LD_ADMIN,)
READERS = (Role.LD_ADMIN, Role.EXECUTIVE)


# --- Learning needs (every employee) -----------------------------------------------------------


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
                need_services.vote(need=result.need, voter=request.user)
                messages.warning(request, _("This need is already on the board, so we added your vote to it. "
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


# --- Dashboards (L&D admins; executives read the summary) ---------------------------------------


def _team_options(filters):
    """The team filter's <option>s, built here: a template loop over hundreds of teams costs more
    than the rest of the dashboard's rendering."""
    chosen = filters.team.slug if filters.team else None
    return format_html_join("", '<option value="{}"{}>{}{}</option>', (
        (slug, " selected" if slug == chosen else "", "– " if depth > 1 else "", name)
        for slug, name, depth in Team.objects.order_by("path").values_list("slug", "name", "depth")
    ))


def _filters_context(request, filters):
    return {
        "filters": filters, "periods": dash_selectors.PERIODS.items(), "team_options": _team_options(filters),
        "query_string": request.GET.urlencode(),
    }


@role_required(*LD)
def dashboard(request):
    filters = dash_selectors.parse_filters(request.GET)
    dash = dash_selectors.dashboard(filters)
    context = {"dash": dash, "business_charts": dash_selectors.business_beside_training(dash),
               "overdue_actions": roadmap_selectors.overdue_actions(), **_filters_context(request, filters)}
    return render(request, "governance/dashboard.html", context)


@role_required(*READERS)
def executive_summary(request):
    filters = dash_selectors.parse_filters(request.GET)
    dash = dash_selectors.dashboard(filters)
    assessments = roadmap_selectors.maturity_history()
    context = {"dash": dash, "business_charts": dash_selectors.business_beside_training(dash),
               "mission": roadmap_selectors.current_mission(), "radar": _radar(assessments),
               "initiatives": roadmap_selectors.roadmap()[0], **_filters_context(request, filters)}
    return render(request, "governance/summary.html", context)


@role_required(*READERS)
def export(request, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    dash = dash_selectors.dashboard(dash_selectors.parse_filters(request.GET))
    rows = [("section", "metric", "value"), *dash.export_rows()]
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for row in rows:
            # Neutralise spreadsheet formulas in text cells.
            writer.writerow([f"'{c}" if isinstance(c, str) and c[:1] in "=+-@" else c for c in row])
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = "Guild L&D KPIs"
        for row in rows:
            ws.append([float(c) if not isinstance(c, (str, int, float)) else c for c in row])
        buffer = io.BytesIO()
        wb.save(buffer)
        response = HttpResponse(buffer.getvalue(),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="guild-kpis-{stamp}.{fmt}"'
    return response


# --- Mission, goals, roadmap --------------------------------------------------------------------


def _edit(request, form, template, success, context=None):
    """Create or edit one governance object through a ModelForm (L&D admins only, checked by the service).
    The service validates the form, so that a repeated create finds the first object before validation
    would call its unique name taken."""
    if request.method == "POST":
        obj = roadmap_services.save_model(by=request.user, form=form)
        if obj is not None:
            messages.success(request, _("Saved."))
            return redirect(success(obj))
    return render(request, template, {"form": form, **(context or {})})


@role_required(*READERS)
def mission(request):
    return render(request, "governance/mission.html", {
        "mission": roadmap_selectors.current_mission(),
        "goals": BusinessGoal.objects.select_related("owner"),
        "can_edit": request.user.has_role(Role.LD_ADMIN),
    })


@role_required(*LD)
def mission_edit(request):
    current = roadmap_selectors.current_mission()
    initial = {f: getattr(current, f) for f in ("statement", "talent", "performance", "productivity")} if current else None
    form = MissionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        roadmap_services.save_mission(by=request.user, **form.cleaned_data)
        messages.success(request, _("Mission saved."))
        return redirect("governance:mission")
    return render(request, "governance/form.html", {"form": form, "heading": _("Edit the L&D mission")})


@role_required(*LD)
def goal_edit(request, pk=None):
    goal = get_object_or_404(BusinessGoal, pk=pk) if pk else None
    return _edit(request, GoalForm(request.POST or None, instance=goal), "governance/form.html",
                 lambda o: reverse("governance:mission"),
                 {"heading": _("Edit business goal") if goal else _("New business goal")})


@role_required(*READERS)
def roadmap(request):
    initiatives, months = roadmap_selectors.roadmap()
    return render(request, "governance/roadmap.html", {
        "initiatives": initiatives, "months": months, "can_edit": request.user.has_role(Role.LD_ADMIN),
    })


@role_required(*READERS)
def initiative_detail(request, pk):
    initiative = get_object_or_404(
        Initiative.objects.select_related("goal", "owner").prefetch_related("courses", "paths", "needs", "kpis"), pk=pk
    )
    return render(request, "governance/initiative.html", {
        "initiative": initiative, "decisions": initiative.decisions.select_related("meeting__committee"),
        "can_edit": request.user.has_role(Role.LD_ADMIN),
    })


@role_required(*LD)
def initiative_edit(request, pk=None):
    initiative = get_object_or_404(Initiative, pk=pk) if pk else None
    return _edit(request, InitiativeForm(request.POST or None, instance=initiative), "governance/form.html",
                 lambda o: reverse("governance:initiative", args=[o.pk]),
                 {"heading": _("Edit initiative") if initiative else _("New initiative")})


# --- Committees -----------------------------------------------------------------------------------


@role_required(*READERS)
def committee_list(request):
    return render(request, "governance/committees.html", {
        "committees": roadmap_selectors.committees(), "overdue": roadmap_selectors.overdue_actions(limit=50),
        "can_edit": request.user.has_role(Role.LD_ADMIN),
    })


@role_required(*READERS)
def committee_detail(request, pk):
    committee = get_object_or_404(Committee.objects.select_related("chair").prefetch_related("members"), pk=pk)
    meetings = committee.meetings.prefetch_related("decisions__initiative", "actions__owner")
    is_admin = request.user.has_role(Role.LD_ADMIN)
    return render(request, "governance/committee.html", {
        "committee": committee, "meetings": meetings, "can_edit": is_admin,
        "meeting_form": MeetingForm(initial={"held_on": timezone.localdate()}) if is_admin else None,
    })


@role_required(*LD)
def committee_edit(request, pk=None):
    committee = get_object_or_404(Committee, pk=pk) if pk else None
    return _edit(request, CommitteeForm(request.POST or None, instance=committee), "governance/form.html",
                 lambda o: reverse("governance:committee", args=[o.pk]),
                 {"heading": _("Edit committee") if committee else _("New committee")})


@role_required(*LD)
@require_POST
def meeting_create(request, pk):
    committee = get_object_or_404(Committee, pk=pk)
    form = MeetingForm(request.POST)
    if form.is_valid():
        meeting = roadmap_services.record_meeting(by=request.user, committee=committee, **form.cleaned_data)
        messages.success(request, _("Meeting recorded. Add its decisions and actions."))
        return redirect("governance:meeting", pk=meeting.pk)
    messages.error(request, _("Give the meeting a date and an agenda."))
    return redirect("governance:committee", pk=committee.pk)


@role_required(*READERS)
def meeting_detail(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("committee"), pk=pk)
    is_admin = request.user.has_role(Role.LD_ADMIN)
    decision_form = DecisionForm(request.POST or None, prefix="decision") if is_admin else None
    action_form = ActionForm(request.POST or None, prefix="action") if is_admin else None
    if request.method == "POST":
        roadmap_services.require_ld_admin(request.user)
        if "decision-text" in request.POST and decision_form.is_valid():
            roadmap_services.record_decision(by=request.user, meeting=meeting, **decision_form.cleaned_data)
            messages.success(request, _("Decision recorded."))
            return redirect("governance:meeting", pk=meeting.pk)
        if "action-title" in request.POST and action_form.is_valid():
            roadmap_services.add_action(by=request.user, meeting=meeting, **action_form.cleaned_data)
            messages.success(request, _("Action added."))
            return redirect("governance:meeting", pk=meeting.pk)
        # Show only the errors of the form that was sent.
        if "decision-text" not in request.POST:
            decision_form = DecisionForm(prefix="decision")
        if "action-title" not in request.POST:
            action_form = ActionForm(prefix="action")
    return render(request, "governance/meeting.html", {
        "meeting": meeting, "decisions": meeting.decisions.select_related("initiative"),
        "actions": meeting.actions.select_related("owner"), "can_edit": is_admin,
        "decision_form": decision_form, "action_form": action_form, "action_statuses": ActionStatus.choices,
    })


@login_required
@require_POST
def action_status(request, pk):
    action = get_object_or_404(ActionItem, pk=pk)
    status = request.POST.get("status")
    if status not in ActionStatus.values:
        messages.error(request, _("Choose one of the listed statuses."))
    else:
        roadmap_services.set_action_status(by=request.user, action=action, status=status)
        messages.success(request, _("Action updated."))
    return redirect("governance:meeting", pk=action.meeting_id)


# --- KPIs -----------------------------------------------------------------------------------------


@role_required(*READERS)
def kpi_list(request):
    return render(request, "governance/kpis.html", {
        "kpis": dash_selectors.kpi_overview(), "can_edit": request.user.has_role(Role.LD_ADMIN),
    })


@role_required(*READERS)
def kpi_detail(request, slug):
    kpi = get_object_or_404(KPIDefinition, slug=slug)
    values = list(kpi.values.select_related("team").order_by("team__name", "date"))
    series = {}
    for v in values:
        series.setdefault(v.team.name if v.team else _("Whole organisation"), {})[v.date] = float(v.value)
    dates = sorted({v.date for v in values})
    chart = charts.line_chart(
        key="kpi", title=kpi.name, desc=_("Values of %(kpi)s over time, per team.") % {"kpi": kpi.name},
        labels=[d.isoformat() for d in dates], series=[[s.get(d) for d in dates] for s in series.values()],
        series_names=list(series.keys()),
    )
    return render(request, "governance/kpi.html", {"kpi": kpi, "chart": chart,
                                                   "can_edit": request.user.has_role(Role.LD_ADMIN)})


@role_required(*LD)
def kpi_edit(request, slug=None):
    kpi = get_object_or_404(KPIDefinition, slug=slug) if slug else None
    return _edit(request, KPIForm(request.POST or None, instance=kpi), "governance/form.html",
                 lambda o: reverse("governance:kpi", args=[o.slug]),
                 {"heading": _("Edit KPI") if kpi else _("New KPI")})


@role_required(*LD)
def kpi_import(request):
    form = KPIImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = kpi_services.import_kpi_csv(by=request.user, text=form.cleaned_data["file"])
        if result.ok:
            messages.success(request, _("Imported %(n)s values.") % {"n": result.imported})
            return redirect("governance:kpis")
    return render(request, "governance/kpi_import.html", {"form": form, "result": result})


# --- Maturity ------------------------------------------------------------------------------------


def _radar(assessments):
    if not assessments:
        return None
    series, names = [], []
    for a in assessments[:2]:
        series.append([a.by_dimension[d.key].level if d.key in a.by_dimension else 0 for d in DIMENSIONS])
        names.append(_("Assessment of %(date)s") % {"date": a.assessed_on.isoformat()})
    return charts.radar_chart(
        key="maturity", title=_("L&D maturity by dimension"),
        desc=_("Level 1 (Reactive) to 5 (Transformative) on each of the seven dimensions; the dashed line is the previous assessment."),
        axes=[str(d.name) for d in DIMENSIONS], series=series, series_names=names,
    )


@role_required(*READERS)
def maturity(request):
    assessments = roadmap_selectors.maturity_history()
    return render(request, "governance/maturity.html", {
        "assessments": assessments, "rows": roadmap_selectors.comparison(assessments), "radar": _radar(assessments),
        "levels": LEVELS, "can_edit": request.user.has_role(Role.LD_ADMIN),
    })


@role_required(*LD)
def maturity_assess(request):
    assessments = roadmap_selectors.maturity_history()
    previous = assessments[0] if assessments else None
    form = MaturityForm(request.POST or None, previous=previous)
    if request.method == "POST" and form.is_valid():
        maturity_services.record_assessment(by=request.user, ratings=form.ratings(), notes=form.cleaned_data["notes"])
        messages.success(request, _("Assessment saved. Here is how it compares with last time."))
        return redirect("governance:maturity")
    evidence = maturity_evidence()
    sections = [{
        "dimension": d, "level_field": form[f"level_{d.key}"], "next_field": form[f"next_{d.key}"],
        "descriptions": [(n, LEVELS[n], d.description(n)) for n in LEVELS], "evidence": evidence.get(d.key, []),
        "previous": previous.by_dimension.get(d.key) if previous else None,
    } for d in DIMENSIONS]
    return render(request, "governance/maturity_form.html", {"form": form, "sections": sections})


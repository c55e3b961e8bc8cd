from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from guild.core.background import enqueue
from guild.core.permissions import role_required
from guild.notifications.models import OutboxStatus
from guild.notifications.services import retry_all_failed, retry_message
from guild.notifications.tasks import enqueue_delivery
from guild.people.roles import Role

from . import selectors
from . import team as team_services
from .assignments import assign_course
from .errors import AutomationError
from .forms import AssignCourseForm, EnrolmentRuleForm, ReminderPolicyForm
from .models import ReminderPolicy, RuleRun
from .preview import preview_rule
from .rules import save_rule
from .tasks import run_rules

RULE_ROLES = (Role.LD_ADMIN, Role.EXECUTIVE, Role.MANAGER)


@role_required(*RULE_ROLES)
def rule_list(request):
    rules = selectors.rules_with_last_run(user=request.user)
    # Only L&D may open the policy and the outbox: nobody is shown a link that answers 403.
    return render(request, "automation/rule_list.html", {"rules": rules, "is_ld_admin": request.user.has_role(Role.LD_ADMIN)})


@role_required(*RULE_ROLES)
def rule_edit(request, pk=None):
    rule = get_object_or_404(selectors.rules_visible_to(user=request.user), pk=pk) if pk else None
    form = EnrolmentRuleForm(request.POST or None, instance=rule, user=request.user)
    if request.method == "POST" and "preview" in request.POST:
        return _rule_preview(request, form, rule)
    if request.method == "POST" and form.is_valid():
        try:
            rule = save_rule(rule=form.save(commit=False), by=request.user)
        except AutomationError as exc:
            form.add_error("team", exc.message)
        else:
            messages.success(request, _("The rule is saved. It runs on the next schedule, or now if you click “Run now”."))
            return redirect("automation:rule_edit", pk=rule.pk)
    runs = rule.runs.all()[:20] if rule else []
    return render(request, "automation/rule_form.html", {"form": form, "rule": rule, "runs": runs})


def _rule_preview(request, form, rule):
    """The form as sent, with who the rule would enrol: nothing is saved."""
    preview = None
    if form.is_valid():
        unsaved = form.save(commit=False)  # builds the rule in memory; the database is not written
        try:
            preview = preview_rule(rule=unsaved, by=request.user)
        except AutomationError:
            form.add_error("team", _("Choose one of the teams you manage."))
    runs = rule.runs.all()[:20] if rule else []
    return render(request, "automation/rule_form.html", {"form": form, "rule": rule, "runs": runs, "preview": preview})


@role_required(*RULE_ROLES)
@require_POST
def rule_run(request, pk):
    rule = get_object_or_404(selectors.rules_visible_to(user=request.user), pk=pk)
    if not rule.is_active:
        messages.error(request, _("This rule is paused: make it active first."))
    elif enqueue(run_rules, rule_id=rule.pk, trigger=RuleRun.Trigger.MANUAL):
        messages.success(request, _("The rule is running. Reload this page in a moment to see what it did."))
    else:
        messages.warning(request, _("The rule could not be started now; it runs on its next schedule."))
    return redirect("automation:rule_edit", pk=rule.pk)


@role_required(Role.LD_ADMIN)
def policy(request):
    instance = ReminderPolicy.get()
    form = ReminderPolicyForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.updated_by = request.user
        saved.save()
        messages.success(request, _("The reminder policy is saved; the next sweep uses it."))
        return redirect("automation:policy")
    return render(request, "automation/policy.html", {"form": form})


@role_required(Role.LD_ADMIN)
def outbox(request):
    status = request.GET.get("status") or ""
    if status not in OutboxStatus.values:
        status = ""
    page = Paginator(selectors.outbox(status=status or None), 50).get_page(request.GET.get("page"))
    counts = selectors.outbox_counts()
    return render(request, "automation/outbox.html", {
        "page_obj": page, "status": status, "counts": counts,
        "statuses": [(value, label, counts.get(value, 0)) for value, label in OutboxStatus.choices],
        "query_string": f"status={status}&" if status else "",
    })


@role_required(Role.LD_ADMIN)
@require_POST
def outbox_retry(request, pk=None):
    if pk is None:
        n = retry_all_failed()
        messages.success(request, _("%(n)d failed messages are queued again.") % {"n": n})
    elif retry_message(message_id=pk):
        messages.success(request, _("The message is queued again."))
    else:
        messages.info(request, _("That message is not failed (any more): nothing to retry."))
    transaction.on_commit(enqueue_delivery)
    return redirect("automation:outbox")


def assignment_summary(result, *, due_date):
    """What an assignment did, in words that match it person by person."""
    parts = []
    if result.enrolled or not (result.due_changed or result.already):
        n = len(result.enrolled)
        parts.append(ngettext("Assigned to %(n)d person.", "Assigned to %(n)d people.", n) % {"n": n})
    if result.due_changed:
        n = len(result.due_changed)
        parts.append(ngettext(
            "%(n)d person already had it: their due date is now %(date)s, and they are told.",
            "%(n)d people already had it: their due date is now %(date)s, and they are told.", n,
        ) % {"n": n, "date": date_format(due_date)})
    if result.already:
        n = len(result.already)
        parts.append(ngettext(
            "%(n)d person already had it with an earlier due date, or has finished it: nothing changed for them.",
            "%(n)d people already had it with an earlier due date, or have finished it: nothing changed for them.",
            n,
        ) % {"n": n})
    return " ".join(parts)


@role_required(Role.MANAGER)
def team(request):
    form = AssignCourseForm(request.POST or None, manager=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            result = assign_course(manager=request.user, **form.cleaned_data)
        except AutomationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, assignment_summary(result, due_date=form.cleaned_data["due_date"]))
            return redirect("automation:team")
    escalations, digest = team_services.manager_notices(manager=request.user)
    return render(request, "automation/team.html", {
        "form": form,
        "members": selectors.team_progress(manager=request.user),
        "enrolments": team_services.team_enrolments(manager=request.user),
        "today": timezone.localdate(),
        "escalations": escalations, "digest": digest,
    })


@require_POST
@role_required(Role.MANAGER)
def team_remind(request, pk):
    try:
        sent, at, enrolment = team_services.remind(manager=request.user, enrolment_id=pk)
    except LookupError:
        raise Http404 from None  # not one of their people's enrolments
    except AutomationError as exc:
        messages.error(request, exc.message)
        return redirect("automation:team")
    name = enrolment.learner.display_name
    if sent:
        messages.success(request, _("Reminder sent to %(name)s.") % {"name": name})
    else:
        messages.info(request, _("%(name)s was already reminded today, at %(time)s: one reminder a day is enough.")
                      % {"name": name, "time": date_format(timezone.localtime(at), "TIME_FORMAT")})
    if request.POST.get("back") == "person":
        return redirect("automation:team_person", enrolment.learner_id)
    return redirect("automation:team")


@role_required(Role.MANAGER)
def team_person(request, pk):
    person = team_services.person_for(manager=request.user, pk=pk)
    if person is None:
        raise Http404  # not in the manager's teams
    return render(request, "automation/team_person.html", {
        "person": person, "enrolments": team_services.transcript(person=person), "today": timezone.localdate(),
    })


@role_required(Role.MANAGER)
def team_export(request, fmt):
    try:
        content, content_type, filename = team_services.export(manager=request.user, fmt=fmt)
    except AutomationError:
        raise Http404 from None
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

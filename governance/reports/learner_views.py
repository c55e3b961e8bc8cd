"""The per-learner report (transcript) for L&D admins and the person's manager. The transcript is the
one the manager's team page shows (courses.automation.team.transcript and its template): one record,
one way of reading it."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.automation.team import person_for, transcript
from guild.core.exports import CONTENT_TYPES, to_csv, to_xlsx
from guild.core.replica import reporting_reads
from guild.people.models import User
from guild.people.roles import Role


def can_see(user, person):
    """L&D admins, and the person's manager (someone whose teams the person is in)."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.has_role(Role.LD_ADMIN):
        return True
    return user.has_role(Role.MANAGER) and person_for(manager=user, pk=person.pk) is not None


def transcript_file(person, fmt):
    """(content, content type, file name) of the person's transcript as `fmt` (csv or xlsx)."""
    rows = [(_("Course"), _("Status"), _("Progress (%)"), _("Enrolled"), _("Due"), _("Completed"), _("Certificate"))]
    for e in transcript(person=person):
        rows.append((e.course.title, e.get_status_display(), e.progress,
                     timezone.localtime(e.enrolled_at).date().isoformat(),
                     e.due_date.isoformat() if e.due_date else "",
                     timezone.localtime(e.completed_at).date().isoformat() if e.completed_at else "",
                     e.certificate.code if e.certificate else ""))
    content = to_csv(rows) if fmt == "csv" else to_xlsx(rows, title=_("Transcript"))
    return content, CONTENT_TYPES[fmt], f"guild-transcript-{person.pk}-{timezone.localdate().isoformat()}.{fmt}"


def _person_for(request, pk):
    person = get_object_or_404(User.objects.select_related("team"), pk=pk)
    if not can_see(request.user, person):
        raise PermissionDenied
    return person


@login_required
@reporting_reads()
def learner_report(request, pk):
    person = _person_for(request, pk)
    return render(request, "governance/reports/learner.html", {
        "person": person, "enrolments": transcript(person=person), "today": timezone.localdate(), "query_string": ""})


@login_required
@reporting_reads()
def learner_report_export(request, pk, fmt):
    if fmt not in CONTENT_TYPES:
        raise Http404
    content, content_type, filename = transcript_file(_person_for(request, pk), fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

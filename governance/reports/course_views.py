"""The per-course report page and its file: for L&D admins and the course's authors only."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from courses.models import CoursePage
from governance.reports.course_report import can_see, course_report
from guild.core.exports import CONTENT_TYPES, to_csv, to_xlsx
from guild.core.replica import reporting_reads


def course_report_file(course, fmt):
    """(content, content type, file name) of the course's report as `fmt` (csv or xlsx)."""
    rows = [("section", "item", "measure", "value"), *course_report(course).export_rows()]
    content = to_csv(rows) if fmt == "csv" else to_xlsx(rows, title="Course report")
    return content, CONTENT_TYPES[fmt], f"guild-course-{course.pk}-{timezone.localdate().isoformat()}.{fmt}"


def _course_for(request, pk):
    course = get_object_or_404(CoursePage, pk=pk)
    if not can_see(request.user, course):
        raise PermissionDenied
    return course


@login_required
@reporting_reads()
def course_report_page(request, pk):
    course = _course_for(request, pk)
    return render(request, "governance/reports/course.html",
                  {"report": course_report(course), "course": course, "query_string": ""})


@login_required
@reporting_reads()
def course_report_export(request, pk, fmt):
    if fmt not in CONTENT_TYPES:
        raise Http404
    content, content_type, filename = course_report_file(_course_for(request, pk), fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

"""Drill-down pages: the rows behind a dashboard count, filterable and exportable (CSV, XLSX).

Readers of the dashboard and the executive summary (L&D admins, executives) see them; the reads come
from the read replica when there is one, as the dashboards' do."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from courses.models import CoursePage, EnrolmentStatus
from governance.permissions import READERS
from governance.reports import drilldowns
from governance.reports.drilldowns import COURSE, STATUS
from governance.selectors.filters import BadFilter, parse_filters
from governance.views.dashboards import _bad_filter, _filters_context
from guild.core.exports import CONTENT_TYPES, to_csv, to_xlsx
from guild.core.permissions import role_required
from guild.core.replica import reporting_reads
from guild.people.roles import Role

PAGE_SIZE = 50


def parse_drilldown(figure, params):
    """(DrillDown, Filters, options) for `figure` and a query string; Http404 for a figure that is not a
    count of rows, BadFilter for a filter value that names nothing."""
    drill = drilldowns.drilldown_for(figure)
    if drill is None:
        raise Http404
    return drill, parse_filters(params), drilldowns.parse_options(params, drill)


def export_file(drill, filters, options, fmt):
    """(content, content type, file name) of every row of the drill-down, as `fmt` (csv or xlsx)."""
    headers, cells = drilldowns.table(drill, drilldowns.rows_of(drill, filters, options))
    rows = [headers, *cells]
    content = to_csv(rows) if fmt == "csv" else to_xlsx(rows, title=str(drill.label))
    return content, CONTENT_TYPES[fmt], f"guild-{drill.figure}-{timezone.localdate().isoformat()}.{fmt}"


@role_required(*READERS)
@reporting_reads()
def figure_rows(request, figure):
    try:
        drill, filters, options = parse_drilldown(figure, request.GET)
    except BadFilter as exc:
        return _bad_filter(request, exc)
    page = Paginator(drilldowns.rows_of(drill, filters, options), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    headers, cells = drilldowns.table(drill, rows)
    # L&D admins open a person's transcript from their row (governance.reports.learner_views).
    people = drilldowns.person_ids(drill, rows) if request.user.has_role(Role.LD_ADMIN) else [None] * len(rows)
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "drill": drill, "headers": headers, "cells": list(zip(people, cells, strict=True)), "page_obj": page, "total": page.paginator.count,
        "options": options, "statuses": EnrolmentStatus.choices if STATUS in drill.options else (),
        "courses": (CoursePage.objects.live().order_by("title").values_list("pk", "title")
                    if COURSE in drill.options else ()),
        **_filters_context(request, filters), "query_string": params.urlencode(),
        "back_url": reverse("governance:dashboard" if request.user.has_role(Role.LD_ADMIN) else "governance:summary"),
    }
    return render(request, "governance/reports/figure_rows.html", context)


@role_required(*READERS)
@reporting_reads()
def figure_rows_export(request, figure, fmt):
    if fmt not in CONTENT_TYPES:
        raise Http404
    try:
        drill, filters, options = parse_drilldown(figure, request.GET)
    except BadFilter as exc:
        return _bad_filter(request, exc)
    content, content_type, filename = export_file(drill, filters, options, fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

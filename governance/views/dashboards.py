"""The L&D dashboard, the executive summary, and their figures as CSV or XLSX.

Their reads come from the read replica when there is one (guild.core.replica): the person is
checked first, on the primary, then the figures, the page and the file are built from the replica."""

from functools import wraps

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.html import format_html_join

from governance.permissions import LD, READERS
from governance.selectors import dashboard as dash_selectors
from governance.selectors import roadmap as roadmap_selectors
from governance.selectors import summary
from governance.selectors.charts import business_beside_training
from governance.services.exports import CONTENT_TYPES, export_dashboard
from guild.core.permissions import role_required
from guild.core.replica import reporting_reads


def _team_options(filters):
    """The team filter's <option>s, built here: a template loop over hundreds of teams costs more
    than the rest of the dashboard's rendering."""
    chosen = filters.team.slug if filters.team else None
    return format_html_join("", '<option value="{}"{}>{}{}</option>', (
        (slug, " selected" if slug == chosen else "", "– " if depth > 1 else "", name)
        for slug, name, depth in dash_selectors.team_choices()
    ))


def _filters_context(request, filters):
    return {
        "filters": filters, "periods": dash_selectors.PERIODS.items(), "team_options": _team_options(filters),
        "query_string": request.GET.urlencode(),
    }


def _bad_filter(request, exc):
    """A team or period the dashboard does not know: say so, never fall back on the whole organisation."""
    return render(request, "governance/filter_error.html", {"message": exc.message}, status=exc.status)


def _filtered(view):
    """Parse the team and period filters for `view(request, filters)`; refuse ones that name nothing."""
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            filters = dash_selectors.parse_filters(request.GET)
        except dash_selectors.BadFilter as exc:
            return _bad_filter(request, exc)
        return view(request, filters, *args, **kwargs)
    return wrapper


@role_required(*READERS)  # executives read every figure too: the summary links here for the details
@reporting_reads()
@_filtered
def dashboard(request, filters):
    dash = dash_selectors.dashboard(filters)
    context = {"dash": dash, "business_charts": business_beside_training(dash),
               "overdue_actions": roadmap_selectors.overdue_actions(), "can_edit": request.user.has_role(*LD),
               **_filters_context(request, filters)}
    return render(request, "governance/dashboard.html", context)


@role_required(*READERS)
@reporting_reads()
@_filtered
def executive_summary(request, filters):
    """One screen: the headline, a few figures with their change, the roadmap's status and the overdue
    committee actions (the reader's own first); the dashboard holds the details."""
    dash = dash_selectors.dashboard(filters)
    context = {"dash": dash, "headline": summary.headline_sentence(dash), "headlines": summary.headline_figures(dash),
               "roadmap_status": summary.roadmap_status(),
               "overdue_actions": summary.overdue_actions_for(request.user), **_filters_context(request, filters)}
    return render(request, "governance/summary.html", context)


@role_required(*READERS)
@reporting_reads()
@_filtered
def export(request, filters, fmt):
    if fmt not in CONTENT_TYPES:
        raise Http404
    dash = dash_selectors.dashboard(filters)
    file = export_dashboard(dash=dash, fmt=fmt)
    response = HttpResponse(file.content, content_type=file.content_type)
    response["Content-Disposition"] = f'attachment; filename="{file.filename}"'
    return response

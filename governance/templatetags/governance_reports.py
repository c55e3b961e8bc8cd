"""Links from a dashboard figure to the rows behind it (governance.reports.drilldowns)."""

from django import template
from django.urls import reverse

from governance.reports.drilldowns import drilldown_for

register = template.Library()


@register.simple_tag
def figure_rows_url(key, query_string=""):
    """The drill-down page of figure `key` with the dashboard's filters, or "" when it is not a count."""
    if drilldown_for(key) is None:
        return ""
    url = reverse("governance:figure_rows", args=[key])
    return f"{url}?{query_string}" if query_string else url

from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from governance.formatting import format_change, format_figure

register = template.Library()


@register.filter
def figure(value, kind="count"):
    """{{ value|figure:"pct" }}: a figure written by governance.formatting.format_figure."""
    return format_figure(value, kind or "count")


@register.simple_tag
def kpi_value(value, kpi):
    """A KPI's value with its unit."""
    return format_figure(value, unit=kpi.unit)


@register.simple_tag
def kpi_change(row):
    """A row of governance.selectors.kpis.kpi_overview: its change and previous value, in words ("+2 pts
    vs previous 90 days (41 %)", "−1.5 days since 2026-09-30 (44 days)"), "as of today" for a figure of
    how things stand now, "–" without a previous value."""
    if row["as_of_today"]:
        return _("as of today")
    if row["change"] is None:
        return "–"
    kind, unit = (row["kind"], "") if row["computed"] else ("count", row["kpi"].unit)
    values = {"change": format_change(row["change"], kind, unit=unit),
              "previous": format_figure(row["previous"], kind, unit=unit)}
    if row["computed"]:
        return _("%(change)s vs previous %(days)s days (%(previous)s)") % {**values, "days": row["period"]}
    return _("%(change)s since %(date)s (%(previous)s)") % {**values, "date": date_format(row["previous_date"])}

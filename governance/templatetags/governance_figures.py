from django import template

from governance.formatting import format_figure

register = template.Library()


@register.filter
def figure(value, kind="count"):
    """{{ value|figure:"pct" }}: a figure written by governance.formatting.format_figure."""
    return format_figure(value, kind or "count")


@register.simple_tag
def kpi_value(value, kpi):
    """A KPI's value with its unit."""
    return format_figure(value, unit=kpi.unit)

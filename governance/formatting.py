"""The one way a figure is written on a page: the dashboard's tiles, the KPI table, the charts and
the summary all call format_figure, so "10.6" never shows as "10.6000000000000 %" on one of them."""

from decimal import Decimal

from django.conf import settings
from django.utils.formats import number_format

from governance import figures

# The currency every budget is kept in (money is always shown with it).
CURRENCY = getattr(settings, "GUILD_CURRENCY", "€")

_DECIMALS = {figures.COUNT: 0, figures.PCT: 1, figures.MONEY: 0, figures.HOURS: 1, figures.DAYS: 1,
             figures.RATIO: 2, figures.RATING: 1}


def _number(value, decimals):
    """Grouped, in the active language, with at most `decimals` decimals and no trailing zeros."""
    value = round(Decimal(str(value)), decimals)
    if value == value.to_integral_value():
        decimals = 0
    else:
        text = f"{value:.{decimals}f}".rstrip("0")
        decimals = len(text.split(".")[1])
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def format_figure(value, kind=figures.COUNT, *, unit=""):
    """`value` written for a reader: "–" when there is none; `kind` (governance.figures) says how
    (percentages with " %", money with its currency and, under 100, cents); `unit`: a KPI's own unit."""
    if value is None or value == "":
        return "–"
    if isinstance(value, str):
        return value
    if unit and kind == figures.COUNT:
        kind = figures.PCT if unit.strip() == "%" else figures.MONEY if unit.strip() == CURRENCY else kind
    if kind == figures.MONEY:
        return f"{_number(value, 2 if abs(value) < 100 else 0)} {CURRENCY}"
    # A count is whole; a KPI's measured value (kind COUNT, any unit) keeps up to two decimals.
    text = _number(value, 2 if kind == figures.COUNT else _DECIMALS.get(kind, 1))
    if kind == figures.PCT:
        return f"{text} %"
    return f"{text} {unit}".strip() if unit else text


def export_value(value, kind=figures.COUNT):
    """The raw number a CSV or XLSX cell holds: rounded like the page, never a float's noise."""
    if value is None:
        return ""
    if isinstance(value, (Decimal, float)):
        rounded = round(Decimal(str(value)), 2 if kind == figures.MONEY else _DECIMALS.get(kind, 2) or 2)
        return int(rounded) if rounded == rounded.to_integral_value() else float(rounded)
    return value


def format_change(change, kind=figures.COUNT, *, unit=""):
    """A figure's change against the previous period, signed ("+12", "−3.5 pts", "+1,200 €"); a change
    of a percentage is in percentage points. "–" when either period has no value. `unit`: a KPI's own."""
    if change is None:
        return "–"
    if change == 0:
        return "±0"
    sign = "+" if change > 0 else "−"
    magnitude = abs(change)
    if kind == figures.PCT or (unit.strip() == "%" and kind == figures.COUNT):
        return f"{sign}{_number(magnitude, 1)} pts"
    return f"{sign}{format_figure(magnitude, kind, unit=unit)}"

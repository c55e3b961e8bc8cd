"""Charts as server-rendered inline SVG: no script, no external service.

Each chart has a <title> and <desc> (read by screen readers via aria-labelledby), text labels so
colour is never the only signal, and the same figures as a table (`headers`, `rows`) that the
template shows under the chart."""

import math
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from governance import figures
from governance.formatting import format_figure

PALETTE = ["#1f5f8b", "#d9822b", "#2e8540", "#8e44ad", "#c0392b", "#16a085"]


@dataclass
class Chart:
    key: str
    title: str
    desc: str
    svg: str = ""
    headers: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    kind: str = ""  # how the table's values are written (governance.figures); empty: as counts
    trend: bool = False  # a line over time: drawn across the page's full width

    @property
    def is_empty(self):
        return not self.rows


def _open(key, title, desc, width, height):
    t, d = f"{key}-title", f"{key}-desc"
    return (
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{t} {d}" '
        f'xmlns="http://www.w3.org/2000/svg" data-chart="{escape(key)}">'
        f'<title id="{t}">{escape(title)}</title><desc id="{d}">{escape(desc)}</desc>'
    )


def _fmt(value):
    return format_figure(value, figures.HOURS if isinstance(value, float) else figures.COUNT)


def bar_chart(*, key, title, desc, labels, series, series_names, kind=None):
    """Horizontal grouped bars: one group per label, one bar per series; `kind`: how values are written
    (governance.figures)."""
    fmt = (lambda v: format_figure(v, kind)) if kind else _fmt
    rows = [[label, *[s[i] for s in series]] for i, label in enumerate(labels)]
    chart = Chart(key, title, desc, headers=["", *series_names], rows=rows, kind=kind or "")
    if not labels:
        return chart
    bar_h, gap, left, width = 16, 10, 220, 660
    group_h = bar_h * len(series) + gap
    height = group_h * len(labels) + 30
    top = max([v or 0 for s in series for v in s] + [1])
    parts = [_open(key, title, desc, width, height)]
    for i, label in enumerate(labels):
        y = 10 + i * group_h
        parts.append(f'<text x="{left - 8}" y="{y + bar_h * len(series) / 2 + 4}" text-anchor="end">{escape(_short(str(label), 34))}</text>')
        for j, s in enumerate(series):
            value = s[i] or 0
            w = (width - left - 60) * value / top
            by = y + j * bar_h
            parts.append(
                f'<rect x="{left}" y="{by}" width="{w:.1f}" height="{bar_h - 2}" fill="{PALETTE[j % len(PALETTE)]}">'
                f"<title>{escape(str(label))}, {escape(series_names[j])}: {escape(fmt(s[i]))}</title></rect>"
                f'<text x="{left + w + 4:.1f}" y="{by + bar_h - 5}">{escape(fmt(s[i]))}</text>'
            )
    if len(series) > 1:
        parts.append(_legend(series_names, 10, height - 12))
    parts.append("</svg>")
    chart.svg = mark_safe("".join(parts))  # noqa: S308 - every label above is escaped
    return chart


def _short(text, n):
    return text if len(text) <= n else text[: n - 1] + "…"


def _legend(names, x, y):
    out = []
    for j, name in enumerate(names):
        out.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{PALETTE[j % len(PALETTE)]}"/>'
                   f'<text x="{x + 14}" y="{y}">{escape(name)}</text>')
        x += 24 + 7 * len(name)
    return "".join(out)


def _ticks(top, n=4, *, whole=False):
    """n + 1 round values from 0 to at least `top` for an axis: 0, 25, 50, 75, 100 (whole: counts,
    so steps of at least 1)."""
    raw = max(top, n) / n if whole else (top or 1) / n
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [step * i for i in range(n + 1)]


def line_chart(*, key, title, desc, labels, series, series_names, own_scale=False, x_label="", y_label="",
               y2_label=""):
    """Lines over an ordered x axis (e.g. weeks), with gridlines, values and a title on each axis
    (`x_label`, `y_label`; `y2_label` for the right axis) and a legend. Points carry a <title> with
    their value.

    own_scale: two series of different units (a business metric beside a count of completions): the
    first is read on the left axis, the second on the right one, each with its own values."""
    rows = [[label, *[s[i] for s in series]] for i, label in enumerate(labels)]
    chart = Chart(key, title, desc, headers=["", *series_names], rows=rows, trend=True)
    if not labels:
        return chart
    width, height, left, right, bottom, top_pad = 960, 300, 72, 72, 66, 15
    values = [[float(v) for v in s if v is not None] for s in series]
    whole = [all(x.is_integer() for x in v) for v in values]
    if own_scale:
        scales = [_ticks(max(v + [0]), whole=w) for v, w in zip(values, whole, strict=True)]
    else:
        scales = [_ticks(max([x for v in values for x in v] + [0]), whole=all(whole))] * len(series)
    tops = [scale[-1] for scale in scales]
    plot_w, plot_h = width - left - right, height - bottom - top_pad
    step = plot_w / max(len(labels) - 1, 1)
    parts = [_open(key, title, desc, width, height)]
    for i, tick in enumerate(scales[0]):  # gridlines and the left axis's values
        y = top_pad + plot_h * (1 - tick / tops[0])
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="{"#999" if i == 0 else "#e3e3e3"}"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{escape(_fmt(tick))}</text>')
    if own_scale and len(series) > 1:
        for tick in scales[1]:
            y = top_pad + plot_h * (1 - tick / tops[1])
            parts.append(f'<text x="{width - right + 6}" y="{y + 4:.1f}" text-anchor="start">{escape(_fmt(tick))}</text>')
    if x_label:
        parts.append(f'<text class="chart__axis-title" x="{left + plot_w / 2:.1f}" y="{height - bottom + 36}" '
                     f'text-anchor="middle">{escape(x_label)}</text>')
    if y_label:
        parts.append(f'<text class="chart__axis-title" transform="translate(14,{top_pad + plot_h / 2:.1f}) rotate(-90)" '
                     f'text-anchor="middle">{escape(y_label)}</text>')
    if y2_label and own_scale and len(series) > 1:
        parts.append(f'<text class="chart__axis-title" transform="translate({width - 10},{top_pad + plot_h / 2:.1f}) '
                     f'rotate(90)" text-anchor="middle">{escape(y2_label)}</text>')
    every = max(1, math.ceil(len(labels) / 8))
    for i, label in enumerate(labels):
        if i % every == 0 or i == len(labels) - 1:
            # The first and last labels are anchored inside the plot so that neither is cut off.
            anchor = "start" if i == 0 and len(labels) > 1 else "end" if i == len(labels) - 1 and i else "middle"
            parts.append(f'<text x="{left + i * step:.1f}" y="{height - bottom + 16}" text-anchor="{anchor}">'
                         f"{escape(str(label))}</text>")
    for j, s in enumerate(series):
        colour = PALETTE[j % len(PALETTE)]
        present = [(i, float(v)) for i, v in enumerate(s) if v is not None]
        points = [(left + i * step, top_pad + plot_h * (1 - v / tops[j])) for i, v in present]
        dash = "" if j == 0 else ' stroke-dasharray="6 3"'  # line style, not only colour, tells series apart
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2"{dash} points="'
                     + " ".join(f"{x:.1f},{y:.1f}" for x, y in points) + '"/>')
        for (x, y), (i, v) in zip(points, present, strict=True):
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"><title>{escape(str(labels[i]))}, '
                         f"{escape(series_names[j])}: {escape(_fmt(v))}</title></circle>")
    names = list(series_names)
    if own_scale and len(series) > 1:
        names = [f"{names[0]} ({_('left axis')})", f"{names[1]} ({_('right axis')})", *names[2:]]
    parts.append(_legend(names, left, height - 6))
    parts.append("</svg>")
    chart.svg = mark_safe("".join(parts))  # noqa: S308
    return chart


def radar_chart(*, key, title, desc, axes, series, series_names, maximum=5):
    """A radar (spider) chart: one axis per dimension, one polygon per series (e.g. now and last time)."""
    rows = [[axis, *[s[i] for s in series]] for i, axis in enumerate(axes)]
    chart = Chart(key, title, desc, headers=["", *series_names], rows=rows)
    if not axes:
        return chart
    width, size, cx, cy, radius = 760, 520, 380, 250, 160
    n = len(axes)

    def point(i, value):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        r = radius * value / maximum
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    parts = [_open(key, title, desc, width, size)]
    for ring in range(1, maximum + 1):
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, ring) for i in range(n)))
        parts.append(f'<polygon points="{pts}" fill="none" stroke="#ccd"/>')
    for i, axis in enumerate(axes):
        x, y = point(i, maximum)
        lx, ly = point(i, maximum + 0.9)
        anchor = "middle" if abs(lx - cx) < 20 else ("start" if lx > cx else "end")
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="#ccd"/>'
                     f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}">{escape(str(axis))[:34]}</text>')
    for j, s in enumerate(series):
        colour = PALETTE[j % len(PALETTE)]
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, v or 0) for i, v in enumerate(s)))
        dash = "" if j == 0 else ' stroke-dasharray="6 3"'
        opacity = "0.25" if j == 0 else "0"
        parts.append(f'<polygon points="{pts}" fill="{colour}" fill-opacity="{opacity}" stroke="{colour}" stroke-width="2"{dash}>'
                     f"<title>{escape(series_names[j])}</title></polygon>")
    parts.append(_legend(series_names, 10, size - 8))
    parts.append("</svg>")
    chart.svg = mark_safe("".join(parts))  # noqa: S308
    return chart

"""The readiness heatmap as an HTML table: real text (at least 12 px, it scales with the page, not
with an SVG's viewBox), a colour-blind-safe scale (viridis, in five steps, each named in the legend),
and a link in each cell to the people behind it. The figure is written in every cell, so colour is
never the only signal."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

# Viridis at five points: ordered in lightness, and told apart with any colour-vision deficiency.
# (lower bound %, css class, label)
SCALE = [
    (0, "heat-0", _("under 20%")),
    (20, "heat-1", _("20–39%")),
    (40, "heat-2", _("40–59%")),
    (60, "heat-3", _("60–79%")),
    (80, "heat-4", _("80% or more")),
]


def heat_class(pct):
    if pct is None:
        return "heat-none"
    return next(css for low, css, _label in reversed(SCALE) if pct >= low)


@dataclass
class Cell:
    pct: int | None
    required: int = 0
    met: int = 0
    url: str = ""

    @property
    def css(self):
        return heat_class(self.pct)


@dataclass
class Heatmap:
    key: str
    title: str
    desc: str
    columns: list = field(default_factory=list)  # skill names
    grid: list = field(default_factory=list)  # [(team name, [Cell, ...]), ...]
    legend: list = field(default_factory=lambda: [(css, label) for _low, css, label in SCALE])
    kind: str = ""
    linked: bool = False  # every viewer may open the people behind each cell (a manager's own teams)

    @property
    def headers(self):
        """As a chart's data table (the dashboard's export reads it)."""
        return ["", *self.columns]

    @property
    def rows(self):
        return [[team, *[("–" if c.pct is None else f"{c.pct}%") for c in cells]] for team, cells in self.grid]

    @property
    def is_empty(self):
        return not self.grid

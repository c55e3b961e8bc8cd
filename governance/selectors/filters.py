"""The dashboard's filters (team and period) read from a query string. A value that names no team or
no period is refused with a message, never read as "the whole organisation"."""

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from governance.periods import PERIOD_DAYS, previous_window
from guild.people.models import Team

_PERIOD_LABELS = {30: gettext_lazy("Last 30 days"), 90: gettext_lazy("Last 90 days"),
                  365: gettext_lazy("Last 12 months")}
PERIODS = {days: _PERIOD_LABELS[days] for days in PERIOD_DAYS}  # the periods the enrolment summary keeps
DEFAULT_PERIOD = 90


class BadFilter(ValueError):
    """A team or period the dashboard does not know. `status`: 404 for an unknown team, 400 otherwise."""

    def __init__(self, message, *, status=400):
        super().__init__(message)
        self.message, self.status = message, status


@dataclass
class Filters:
    team: Team | None = None
    period: int = DEFAULT_PERIOD
    team_ids: list | None = None  # the team and its sub-teams; None: the whole organisation
    ends_on: date | None = None  # the period's last day; None: today

    @property
    def start(self):
        return self.end - timedelta(days=self.period - 1)

    @property
    def start_at(self):
        """The start of the period's first day, in the site's time zone (an index-friendly bound)."""
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def end(self):
        return self.ends_on or timezone.localdate()

    @property
    def end_at(self):
        """The start of the day after the period's last day: what happened in the period is before it."""
        return timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))

    @property
    def period_label(self):
        return PERIODS[self.period]

    def previous(self):
        """The same team and the period of the same length just before this one (for the change)."""
        return replace(self, ends_on=previous_window(self.start, self.end)[1])


def parse_filters(params):
    """Filters from a query string (`team`: a team's slug; `period`: 30, 90 or 365 days). An empty or
    missing value means the default; anything else that is not one of them raises BadFilter."""
    raw_period = str(params.get("period") or "").strip()
    period = DEFAULT_PERIOD
    if raw_period:
        if not raw_period.isdigit() or int(raw_period) not in PERIODS:
            raise BadFilter(_("“%(value)s” is not a period the dashboard knows: choose %(choices)s days.")
                            % {"value": raw_period[:40], "choices": ", ".join(str(d) for d in PERIODS)})
        period = int(raw_period)
    filters = Filters(period=period)
    slug = str(params.get("team") or "").strip()
    if slug:
        team = Team.objects.filter(slug=slug[:255]).first()
        if team is None:
            raise BadFilter(_("No team is called “%(value)s”: choose a team from the list.") % {"value": slug[:80]},
                            status=404)
        filters.team = team
        filters.team_ids = list(team.subtree().values_list("pk", flat=True))
    return filters


def team_choices():
    """(slug, name, depth) of every team, in tree order, for the team filter. One query."""
    return Team.objects.order_by("path").values_list("slug", "name", "depth")

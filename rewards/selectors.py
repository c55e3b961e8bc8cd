"""Reads. Every page reads aggregates (balance, rollups, tallies), never sums of the ledger,
and runs a fixed number of queries whatever the ledger's size."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q, Sum
from django.utils import timezone

from courses.models import CourseStats
from guild.people.models import Team
from guild.people.roles import Role
from guild.people.selectors import direct_reports, teams_managed_by

from .models import (
    BadgeAward,
    Kudos,
    MonthlySummary,
    Period,
    PointsBalance,
    PointsRollup,
    Reason,
    ReasonTally,
    RewardLedgerEntry,
    RewardPreference,
    Track,
    period_start,
)

BOARD_SIZE = 25


def balance_for(*, person) -> PointsBalance:
    return PointsBalance.objects.filter(person=person).first() or PointsBalance(person=person)


def shows_on_leaderboards(*, person) -> bool:
    return not RewardPreference.objects.filter(person=person, show_on_leaderboards=False).exists()


def points_history(*, person):
    return RewardLedgerEntry.objects.filter(person=person).order_by("-created_at", "-id")


def recent_badges(*, person, limit=None):
    qs = BadgeAward.objects.filter(person=person, revoked_at__isnull=True).select_related("badge", "badge__image")
    return qs[:limit] if limit else qs


def boardable_teams(*, user):
    """The teams whose leaderboard `user` may see: their own team, the teams they manage
    (with sub-teams), or every team for L&D admins and executives."""
    if user.has_role(Role.LD_ADMIN, Role.EXECUTIVE):
        return Team.objects.all()
    own = Q(pk=user.team_id) if user.team_id else Q(pk__in=[])
    return Team.objects.filter(own | Q(pk__in=teams_managed_by(user=user).values("pk")))


@dataclass
class BoardRow:
    rank: int
    person: object
    points: int
    is_viewer: bool = False


@dataclass
class Leaderboard:
    track: str
    period: str
    period_start: datetime.date
    team: object = None
    rows: list = field(default_factory=list)


def leaderboard(*, track, period, team=None, viewer=None, today=None, size=BOARD_SIZE) -> Leaderboard:
    """The top `size` people by points for a track and period, optionally within a team (and its sub-teams).
    People who opted out are left out. Two queries."""
    track, period = Track(track), Period(period)
    start = period_start(period, today or timezone.localdate())
    qs = (
        PointsRollup.objects.filter(track=track, period=period, period_start=start, points__gt=0, person__is_active=True)
        .exclude(person__reward_preference__show_on_leaderboards=False)
        .select_related("person", "person__team")
        .order_by("-points", "person_id")
    )
    if team is not None:
        qs = qs.filter(person__team__path__startswith=team.path)
    board = Leaderboard(track=track, period=period, period_start=start, team=team)
    rank, previous = 0, None
    for index, row in enumerate(qs[:size], start=1):
        if row.points != previous:
            rank, previous = index, row.points
        board.rows.append(BoardRow(rank, row.person, row.points, is_viewer=viewer is not None and row.person_id == viewer.pk))
    return board


CONTRIBUTION_REASONS = [
    Reason.COURSE_PUBLISHED, Reason.REVIEW_COMPLETED, Reason.QUESTION_ANSWERED, Reason.LESSON_USEFUL,
    Reason.NEED_FULFILLED, Reason.KUDOS_RECEIVED,
]
LEARNING_REASONS = [Reason.COURSE_COMPLETED, Reason.QUIZ_FIRST_TIME, Reason.LEARNING_STREAK]


@dataclass
class Showcase:
    person: object
    balance: PointsBalance
    badges: list
    contributions: list  # [(label, count)], contributor reasons with a count
    learning: list
    kudos: list
    learners_reached: int
    is_self: bool


def learners_reached(*, person) -> int:
    """Completions of the courses `person` authored (from the courses app's counters)."""
    total = CourseStats.objects.filter(course__course_authors__user=person).aggregate(n=Sum("completions"))["n"]
    return total or 0


def showcase(*, person, viewer=None, kudos_limit=10) -> Showcase:
    """A person's badges, contributions and kudos. Five queries, whatever the ledger's size.
    Hidden kudos are shown to their recipient only."""
    is_self = viewer is not None and viewer.pk == person.pk
    tallies = {t.reason: t.count for t in ReasonTally.objects.filter(person=person)}
    kudos = Kudos.objects.filter(recipient=person).select_related("sender", "skill")
    if not is_self:
        kudos = kudos.filter(hidden_at__isnull=True)
    return Showcase(
        person=person,
        balance=balance_for(person=person),
        badges=list(recent_badges(person=person)),
        contributions=[(r.label, tallies[r]) for r in CONTRIBUTION_REASONS if tallies.get(r)],
        learning=[(r.label, tallies[r]) for r in LEARNING_REASONS if tallies.get(r)],
        kudos=list(kudos[:kudos_limit]),
        learners_reached=learners_reached(person=person),
        is_self=is_self,
    )


def month_bounds(month: datetime.date):
    start = month.replace(day=1)
    end = (start + datetime.timedelta(days=32)).replace(day=1)
    return start, end


def can_see_recognition(*, user) -> bool:
    """L&D admins see every contributor's monthly summary, managers their own people's."""
    return user.has_role(Role.LD_ADMIN, Role.MANAGER)


def recognition_summaries(*, viewer, month: datetime.date):
    """The monthly contributor summaries of `month` that `viewer` may see (none when they may not)."""
    if not can_see_recognition(user=viewer):
        return MonthlySummary.objects.none()
    summaries = MonthlySummary.objects.filter(month=month).select_related("person", "person__team")
    if not viewer.has_role(Role.LD_ADMIN):
        summaries = summaries.filter(person__in=direct_reports(manager=viewer))
    return summaries

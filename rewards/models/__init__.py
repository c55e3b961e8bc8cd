"""Points, badges and kudos.

The ledger is the record of truth and is append-only; every page reads the aggregates
(PointsBalance, PointsRollup, ReasonTally) that the award service updates in the same
transaction as the ledger insert, so no view ever sums the ledger."""

from .badges import Badge, BadgeAward, Criterion
from .kudos import Kudos
from .ledger import (
    ActivityDay,
    Period,
    PointsBalance,
    PointsRollup,
    ReasonTally,
    RewardLedgerEntry,
    RewardPreference,
    period_start,
)
from .point_values import RewardSettings
from .reasons import Reason, Track, track_of
from .recognition import MonthlySummary

__all__ = [
    "ActivityDay", "Badge", "BadgeAward", "Criterion", "Kudos", "MonthlySummary", "Period", "PointsBalance",
    "PointsRollup", "Reason", "ReasonTally", "RewardLedgerEntry", "RewardPreference", "RewardSettings", "Track",
    "period_start", "track_of",
]

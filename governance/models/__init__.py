"""Governance models, one module per concern. Every model class is importable from here: Django finds
the app's models through this package, and other code refers to them as governance.models.X."""

from governance.models.committees import ActionItem, Committee, Decision, Meeting
from governance.models.kpis import KPIDefinition, KPIValue
from governance.models.maturity import MaturityAssessment, MaturityRating
from governance.models.needs import (
    LearningNeed,
    NeedComment,
    NeedStatus,
    NeedStatusChange,
    NeedVolunteer,
    NeedVote,
)
from governance.models.roadmap import BusinessGoal, Initiative, Mission, Pillar
from governance.models.rollups import (
    ActivePeople,
    CatalogueFigures,
    DailyActivity,
    EnrolmentSummary,
    PersonActivity,
    PersonDay,
    RollupState,
)

__all__ = [
    "ActionItem", "ActivePeople", "BusinessGoal", "CatalogueFigures", "Committee", "DailyActivity", "Decision",
    "EnrolmentSummary", "Initiative", "KPIDefinition", "KPIValue", "LearningNeed", "MaturityAssessment",
    "MaturityRating", "Meeting", "Mission", "NeedComment", "NeedStatus", "NeedStatusChange", "NeedVolunteer",
    "NeedVote", "PersonActivity", "PersonDay", "Pillar", "RollupState",
]

"""The public priority list of learning needs, with a score anyone can check."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from governance.models.needs import OPEN_NEED_STATUSES, LearningNeed, NeedVolunteer, NeedVote
from governance.selectors.skills import skill_gaps

# Points per factor. The poster's seniority is deliberately not a factor.
POINTS_PER_VOTE = 1
POINTS_PER_GOAL_WEIGHT = 3  # goal weight is 1-5
POINTS_FOR_FULL_GAP = 10  # everyone who needs the skill is below the required level
POINTS_PER_URGENCY_STEP = 3  # low 0, medium 3, high 6, critical 9


@dataclass
class Priority:
    need: LearningNeed
    votes: float
    goal: float
    gap: float
    gap_share: float | None
    urgency: float
    voted: bool = False

    @property
    def score(self):
        return round(self.votes + self.goal + self.gap + self.urgency, 1)

    def breakdown(self):
        return [
            (_("Votes"), self.votes),
            (_("Business goal weight"), self.goal),
            (_("Skill gap"), self.gap),
            (_("Urgency"), self.urgency),
        ]


def score_needs(needs, gaps):
    out = []
    for need in needs:
        gap_share = gaps.get(need.skill_id) if need.skill_id else None
        out.append(Priority(
            need=need,
            votes=need.vote_count * POINTS_PER_VOTE,
            goal=(need.goal.weight * POINTS_PER_GOAL_WEIGHT) if need.goal_id and need.goal.is_active else 0,
            gap=round((gap_share or 0) * POINTS_FOR_FULL_GAP, 1),
            gap_share=gap_share,
            urgency=(need.urgency - 1) * POINTS_PER_URGENCY_STEP,
            voted=getattr(need, "voted", False),
        ))
    return out


def priority_list(*, user=None, statuses=OPEN_NEED_STATUSES, team_id=None, limit=None):
    """Open needs, highest score first. Three queries whatever the number of needs."""
    needs = LearningNeed.objects.filter(status__in=statuses).select_related("goal", "team", "skill", "course")
    if team_id:
        needs = needs.filter(team_id=team_id)
    if user is not None and user.is_authenticated:
        needs = needs.annotate(
            voted=Exists(NeedVote.objects.filter(need=OuterRef("pk"), voter=user)),
            volunteered=Exists(NeedVolunteer.objects.filter(need=OuterRef("pk"), expert=user)),
        )
    needs = list(needs)
    gaps = skill_gaps({n.skill_id for n in needs if n.skill_id})
    ranked = sorted(score_needs(needs, gaps), key=ranking_key)
    return ranked[:limit] if limit else ranked


def ranking_key(priority):
    """Highest score first, then most votes, then oldest; the id settles the rest (the API's cursor)."""
    return (-float(priority.score), -priority.need.vote_count, priority.need.created_at.isoformat(), priority.need.pk)


def need_priority(need):
    gaps = skill_gaps([need.skill_id]) if need.skill_id else {}
    return score_needs([need], gaps)[0]


def closed_needs(*, limit=20):
    return (LearningNeed.objects.exclude(status__in=OPEN_NEED_STATUSES)
            .select_related("course", "goal").order_by("-status_changed_at", "-created_at")[:limit])

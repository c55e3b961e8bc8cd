"""How learners rated courses and reacted to lessons in the dashboard period (two queries)."""

from django.db.models import Avg, Count, Q

from courses.models import CourseRating, LessonReaction, ReactionKind

REACTION_KINDS = tuple(ReactionKind.values)


def ratings_and_reactions(filters):
    """(rating figures, {reaction kind: count}, lesson questions answered)."""
    ratings = CourseRating.objects.filter(created_at__gte=filters.start_at)
    reactions = LessonReaction.objects.filter(created_at__gte=filters.start_at)
    if filters.team_ids is not None:
        ratings = ratings.filter(learner__team_id__in=filters.team_ids)
        reactions = reactions.filter(learner__team_id__in=filters.team_ids)
    r = ratings.aggregate(avg=Avg("stars"), count=Count("id"), relevant_yes=Count("id", filter=Q(relevant=True)),
                          relevant_count=Count("id", filter=Q(relevant__isnull=False)))
    counts = reactions.aggregate(
        answered=Count("id", filter=Q(kind="question") & ~Q(answer="")),
        **{kind: Count("id", filter=Q(kind=kind)) for kind in REACTION_KINDS},
    )
    answered = counts.pop("answered")
    return r, counts, answered

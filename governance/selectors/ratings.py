"""How learners rated courses and reacted to lessons in the dashboard period (two queries)."""

from django.db.models import Avg, Count, Q

from courses.models import CourseRating, LessonReaction, ReactionKind

REACTION_KINDS = tuple(ReactionKind.values)


ANSWERED_QUESTION = Q(kind="question") & ~Q(answer="")  # "Lesson questions answered"


def ratings_in_scope(filters):
    """Course ratings given in the period by people of the filtered teams (the "Ratings" rows)."""
    ratings = CourseRating.objects.filter(created_at__gte=filters.start_at, created_at__lt=filters.end_at)
    if filters.team_ids is not None:
        ratings = ratings.filter(learner__team_id__in=filters.team_ids)
    return ratings


def reactions_in_scope(filters):
    """Lesson reactions made in the period by people of the filtered teams."""
    reactions = LessonReaction.objects.filter(created_at__gte=filters.start_at, created_at__lt=filters.end_at)
    if filters.team_ids is not None:
        reactions = reactions.filter(learner__team_id__in=filters.team_ids)
    return reactions


def ratings_and_reactions(filters):
    """(rating figures, {reaction kind: count}, lesson questions answered)."""
    ratings, reactions = ratings_in_scope(filters), reactions_in_scope(filters)
    r = ratings.aggregate(avg=Avg("stars"), count=Count("id"), relevant_yes=Count("id", filter=Q(relevant=True)),
                          relevant_count=Count("id", filter=Q(relevant__isnull=False)))
    counts = reactions.aggregate(
        answered=Count("id", filter=ANSWERED_QUESTION),
        **{kind: Count("id", filter=Q(kind=kind)) for kind in REACTION_KINDS},
    )
    answered = counts.pop("answered")
    return r, counts, answered

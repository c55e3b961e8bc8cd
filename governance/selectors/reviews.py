"""Peer-review figures for the dashboard, read from the review app's assignments."""

from django.db.models import Avg, Count, F, Q
from django.utils import timezone

from governance.review.models import ReviewAssignment, ReviewDecision

# A review done is a reviewer's decision. An assignment closed when its round ended, or handed to someone
# else, has a completion time too, but nobody reviewed: it is neither a review done nor in the lead time.
REVIEW_DONE = Q(decision__in=[ReviewDecision.APPROVED, ReviewDecision.CHANGES_REQUESTED])


def review_late(now):
    """An assignment that waited past its due time (an SLA breach): decided, closed or reassigned after
    it, or still open past it."""
    return Q(completed_at__gt=F("due_at")) | Q(completed_at__isnull=True, due_at__lt=now)


def reviews_in_scope(filters=None):
    """Review assignments made in the period to reviewers of the filtered teams."""
    qs = ReviewAssignment.objects.all()
    if filters is not None:
        qs = qs.filter(assigned_at__gte=filters.start_at, assigned_at__lt=filters.end_at)
        if filters.team_ids is not None:
            qs = qs.filter(reviewer__team_id__in=filters.team_ids)
    return qs


def review_metrics(filters=None):
    """Reviews done, review lead time and SLA breaches. One query."""
    now = timezone.now()
    done = REVIEW_DONE
    row = reviews_in_scope(filters).aggregate(
        reviews=Count("id", filter=done),
        lead_time=Avg(F("completed_at") - F("assigned_at"), filter=done),
        late=Count("id", filter=review_late(now)),
    )
    return {
        "reviews_done": row["reviews"],
        # Reviews decided as they were assigned average zero days: a figure, not "no value".
        "lead_time_days": None if row["lead_time"] is None else round(row["lead_time"].total_seconds() / 86400, 1),
        "sla_breaches": row["late"],
    }

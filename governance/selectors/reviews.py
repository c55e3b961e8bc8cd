"""Peer-review figures for the dashboard, read from the review app's assignments."""

from django.db.models import Avg, Count, F, Q
from django.utils import timezone

from governance.review.models import ReviewAssignment


def review_metrics(filters=None):
    """Reviews done, review lead time and SLA breaches. One query."""
    now = timezone.now()
    qs = ReviewAssignment.objects.all()
    if filters is not None:
        qs = qs.filter(assigned_at__gte=filters.start_at)
        if filters.team_ids is not None:
            qs = qs.filter(reviewer__team_id__in=filters.team_ids)
    done = Q(completed_at__isnull=False)
    row = qs.aggregate(
        reviews=Count("id", filter=done),
        lead_time=Avg(F("completed_at") - F("assigned_at"), filter=done),
        late_done=Count("id", filter=done & Q(completed_at__gt=F("due_at"))),
        late_open=Count("id", filter=Q(completed_at__isnull=True, due_at__lt=now)),
    )
    return {
        "reviews_done": row["reviews"],
        "lead_time_days": round(row["lead_time"].total_seconds() / 86400, 1) if row["lead_time"] else None,
        "sla_breaches": row["late_done"] + row["late_open"],
    }

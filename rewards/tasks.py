import datetime
import logging

from celery import shared_task
from django.utils import timezone

from .badges import award_top_contributor_badges
from .badges import backfill_badge as backfill
from .models import Badge
from .recognition import summarise_month

logger = logging.getLogger(__name__)


def previous_month(today: datetime.date) -> datetime.date:
    return (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


@shared_task(name="rewards.monthly_recognition", ignore_result=True)
def monthly_recognition(month: str | None = None) -> dict:
    """For `month` ("YYYY-MM", default: last month): top-contributor badges, then the summaries. Idempotent."""
    first = (
        datetime.datetime.strptime(month, "%Y-%m").date() if month else previous_month(timezone.localdate())
    )
    badges = award_top_contributor_badges(month=first)
    result = summarise_month(month=first)
    result["badges"] = badges
    logger.info("rewards.monthly_recognition %s: %s", first, result)
    return result


@shared_task(name="rewards.backfill_badge", ignore_result=True)
def backfill_badge(badge_id: int) -> int:
    """Award a badge L&D just defined to the people who already meet it. Idempotent."""
    badge = Badge.objects.filter(pk=badge_id).first()
    return backfill(badge=badge) if badge else 0

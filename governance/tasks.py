import logging

from celery import shared_task

from governance.services.needs import NOTIFY_FOLLOWERS_TASK, notify_followers
from governance.services.rollups import fold_new_events
from governance.services.rollups import refresh_summaries as refresh

logger = logging.getLogger(__name__)


@shared_task(name="governance.fold_learning_events")
def fold_learning_events(batch_size=10_000, max_batches=100):
    """Fold new learning events into the daily rollups. Safe to run twice or concurrently."""
    folded = fold_new_events(batch_size=batch_size, max_batches=max_batches)
    logger.info("fold_learning_events: %s events folded", folded)
    return folded


@shared_task(name="governance.refresh_summaries", ignore_result=True)
def refresh_summaries():
    """Recompute the dashboards' enrolment and active-people figures. Safe to run twice: each snapshot's
    second replacement waits for the first."""
    return refresh()


@shared_task(name=NOTIFY_FOLLOWERS_TASK)
def notify_need_followers(change_id):
    """Tell a need's poster and voters about a triage decision. Idempotent per person and change."""
    sent = notify_followers(change_id=change_id)
    logger.info("notify_need_followers: change %s, %s notices", change_id, sent)
    return sent

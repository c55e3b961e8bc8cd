import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(name="governance.fold_learning_events")
def fold_learning_events(batch_size=10_000, max_batches=100):
    """Fold new learning events into the daily rollups. Safe to run twice or concurrently."""
    from .services.rollups import fold_new_events

    folded = fold_new_events(batch_size=batch_size, max_batches=max_batches)
    logger.info("fold_learning_events: %s events folded", folded)
    return folded

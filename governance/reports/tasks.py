import logging

from celery import shared_task

from governance.reports.subscriptions import queue_due_reports
from guild.notifications.tasks import enqueue_delivery

logger = logging.getLogger(__name__)


@shared_task(name="governance.queue_report_emails", ignore_result=True)
def queue_report_emails():
    """Queue this period's report emails (the outbox sends them). Safe to run any number of times."""
    counts = queue_due_reports()
    logger.info("queue_report_emails: %s", counts)
    if counts["queued"]:
        enqueue_delivery()
    return counts

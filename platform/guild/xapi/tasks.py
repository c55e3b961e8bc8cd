from celery import shared_task

from .delivery import deliver


@shared_task(name="guild.xapi.deliver_statements", ignore_result=True)
def deliver_statements(batch_size=None):
    return deliver(batch_size=batch_size)

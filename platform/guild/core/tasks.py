import logging

from celery import shared_task
from django.utils import timezone

from . import sweeps
from .models import Heartbeat

logger = logging.getLogger(__name__)


@shared_task(name="guild.core.heartbeat", bind=True, ignore_result=True)
def heartbeat(self, name: str = "beat") -> None:
    """Idempotent: one row per name, moved forward each time."""
    Heartbeat.objects.update_or_create(
        name=name, defaults={"seen_at": timezone.now(), "hostname": self.request.hostname or ""}
    )


@shared_task(name="guild.core.sweep_all", ignore_result=True)
def sweep_all():
    """The periodic sweep: every registered sweep, in order. One failing sweep is logged and does
    not stop the others; the next tick runs it again."""
    for sweep in sweeps.registry.all():
        try:
            sweep.run()
        except Exception:  # noqa: BLE001
            logger.exception("sweep %s failed; the next tick resumes it", sweep.name)


@shared_task(name="guild.core.run_sweep", ignore_result=True)
def run_sweep(name, batch_size=None):
    """One registered sweep by name (an operator's or a test's "run it now")."""
    return sweeps.registry.get(name).run(batch_size=batch_size)

from celery import shared_task
from django.utils import timezone

from .models import Heartbeat


@shared_task(name="guild.core.heartbeat", bind=True, ignore_result=True)
def heartbeat(self, name: str = "beat") -> None:
    """Idempotent: one row per name, moved forward each time."""
    Heartbeat.objects.update_or_create(
        name=name, defaults={"seen_at": timezone.now(), "hostname": self.request.hostname or ""}
    )

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Notification


def notify(*, recipient, kind: str, title: str, body: str = "", url: str = "", dedupe_key: str = "") -> Notification | None:
    """Create an in-app notification. With a dedupe_key, a second call for the same
    recipient and key does nothing and returns None."""
    try:
        with transaction.atomic():
            return Notification.objects.create(
                recipient=recipient, kind=kind, title=title[:200], body=body, url=url, dedupe_key=dedupe_key
            )
    except IntegrityError:
        if dedupe_key:
            return None
        raise


def mark_read(*, recipient, notification_ids=None) -> int:
    qs = Notification.objects.filter(recipient=recipient, read_at__isnull=True)
    if notification_ids is not None:
        qs = qs.filter(pk__in=notification_ids)
    return qs.update(read_at=timezone.now())

"""Exit non-zero when Celery beat has stopped ticking: the docker-compose healthcheck of `beat`.

Beat sends `guild.core.heartbeat` every 60 s and a worker writes the `beat` Heartbeat row, so a stale
row means beat, the default-queue worker or the database is not doing its job."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from guild.core.models import Heartbeat


class Command(BaseCommand):
    help = "Fail when beat's heartbeat is missing or older than --max-age seconds (default 300)."

    def add_arguments(self, parser):
        parser.add_argument("--max-age", type=int, default=300, help="seconds (the heartbeat is sent every 60)")

    def handle(self, *args, max_age, **options):
        seen_at = Heartbeat.objects.filter(name="beat").values_list("seen_at", flat=True).first()
        if seen_at is None:
            raise CommandError("No beat heartbeat yet: is celery beat running, and a worker on the default queue?")
        age = timezone.now() - seen_at
        if age > timedelta(seconds=max_age):
            raise CommandError(f"Beat's last heartbeat was {int(age.total_seconds())} s ago (limit {max_age} s).")
        self.stdout.write(f"beat ok: last heartbeat {int(age.total_seconds())} s ago")

from django.core.management.base import BaseCommand, CommandError

from tests.bench.seed import NotEmpty, seed
from tests.bench.sizes import SIZES


class Command(BaseCommand):
    help = "Fill a freshly migrated PostgreSQL database with a synthetic organisation (S, M or L) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--size", choices=sorted(SIZES), default="S")

    def handle(self, *args, size, **options):
        from django.db import connection

        if connection.vendor != "postgresql":
            raise CommandError("seed_scale writes with PostgreSQL's COPY: set DATABASE_URL to a PostgreSQL database.")
        try:
            report = seed(size, stdout=self.stdout)
        except NotEmpty as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"seed_scale --size {size}: {report.seconds:.1f}s {report.counts}"))

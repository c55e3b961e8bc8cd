"""Backfill: send (or write) the learning events since a date as xAPI statements.

    manage.py export_xapi --since 2026-01-01                 # queue them for every active LRS, and send
    manage.py export_xapi --since 2026-01-01 --lrs acme      # only that LRS (also one that is paused)
    manage.py export_xapi --since 2026-01-01 --file out.json # write a JSON array of statements

Statement ids are those of the live delivery, so an event already sent is recognised by the LRS,
and one already queued is not queued twice."""

import json
from datetime import datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from guild.events.models import LearningEvent

from ...services import backfill_to_stores, write_statements
from ...stores import active_stores, get_store


def _since(value):
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is None:
            raise CommandError(f"--since: {value!r} is not a date (YYYY-MM-DD) or a date and time (ISO 8601).")
        moment = datetime.combine(day, time.min)
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


class Command(BaseCommand):
    help = "Send the learning events since a date to the LRSs as xAPI statements, or write them to a file."

    def add_arguments(self, parser):
        parser.add_argument("--since", required=True, help="YYYY-MM-DD or an ISO 8601 date and time")
        target = parser.add_mutually_exclusive_group()
        target.add_argument("--lrs", help="the name of one LRS (the environment's is called 'environment')")
        target.add_argument("--file", help="write the statements to this file (a JSON array) instead")
        parser.add_argument("--actor-format", default=None, choices=["mbox_sha1sum", "account"],
                            help="with --file: how people are identified (default GUILD_XAPI_ACTOR_FORMAT)")
        parser.add_argument("--no-send", action="store_true", help="only queue; the worker sends them")

    def handle(self, *args, since, lrs=None, file=None, actor_format=None, no_send=False, **options):
        moment = _since(since)
        events = LearningEvent.objects.filter(timestamp__gte=moment).order_by("id")
        if file:
            from django.conf import settings

            count = write_statements(events, path=file, actor_format=actor_format or settings.GUILD_XAPI_ACTOR_FORMAT)
            self.stdout.write(f"Wrote {count} statements to {file}.")
            return
        if lrs:
            store = get_store(lrs)
            if store is None:
                raise CommandError(f"No LRS is called {lrs!r}. Configured: "
                                   f"{', '.join(s.name for s in active_stores()) or 'none'}.")
            stores = [store]
        else:
            stores = active_stores()
            if not stores:
                raise CommandError("No LRS is configured: add one in the admin (Settings → Learning record "
                                   "stores) or set GUILD_XAPI_LRS_URL.")
        report = backfill_to_stores(events, stores, send=not no_send)
        self.stdout.write(json.dumps(report, sort_keys=True))

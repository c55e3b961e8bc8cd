"""Benchmark scenarios. Each module has `METRICS` (the rows it always reports, so a skipped
scenario still has a row per metric) and `run(ctx)` returning a list of measure.Row."""

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Context:
    size: str
    runs: int = 5  # timed runs after the warm-up, for in-process timings
    requests: int = 200  # HTTP requests per page for the load generator
    concurrency: int = 2  # load-generator threads, and gunicorn workers
    warmup: int = 20  # untimed requests per URL before the timed ones
    server_env: dict = field(default_factory=lambda: dict(os.environ))  # for gunicorn
    log_dir: Path = Path("var/bench")
    smoke: bool = False
    shared: dict = field(default_factory=dict)  # results other steps reuse (e.g. S medians for L/S)


class Skip(Exception):
    """The feature a scenario measures is not built (yet): reported as skipped, never as a pass."""


def raw_cursor():
    """A psycopg cursor on Django's connection, for baselines: no ORM, no debug wrapper."""
    from django.db import connection

    connection.ensure_connection()
    return connection.connection.cursor()

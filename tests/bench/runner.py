"""`python -m tests.bench`: prepare a database per size (create, migrate, seed once), run the
scenarios, print the table and write var/bench/results.json.

    python -m tests.bench                      # learner at S and L, the rest at L
    python -m tests.bench --only learner --size S
    python -m tests.bench --only sweep,dashboard --runs 3
"""

import argparse
import json
import os
import platform
import secrets
import signal
import sys
import time
import traceback
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/guild_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/6"
REPO = Path(__file__).resolve().parents[3]
SCENARIOS = ("learner", "search", "dashboard", "publish", "editor", "load", "sweep")  # the longest last


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help=f"comma-separated scenarios among {', '.join(SCENARIOS)}")
    parser.add_argument("--size", choices=["S", "M", "L"], help="run everything at this size only")
    parser.add_argument("--runs", type=int, default=5, help="timed runs after the warm-up (in-process timings)")
    parser.add_argument("--requests", type=int, default=100, help="HTTP requests per page and per static file")
    parser.add_argument("--reseed", action="store_true", help="drop and seed the bench databases again")
    parser.add_argument("--out", default=str(REPO / "var" / "bench" / "results.json"))
    return parser.parse_args(argv)


def configure_environment():
    """Production settings (DEBUG off) on loopback, with the bench's own database and Redis DB."""
    env = os.environ
    env.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)
    env.setdefault("GUILD_BENCH_DATABASE_URL", env["DATABASE_URL"])  # DATABASE_URL then follows the size
    env.setdefault("REDIS_URL", DEFAULT_REDIS_URL)
    env["DJANGO_SETTINGS_MODULE"] = "tests.bench.settings"
    env["DJANGO_ENV"] = "production"
    if len(env.get("SECRET_KEY", "")) < 50 or env["SECRET_KEY"].startswith("guild-insecure"):
        env["SECRET_KEY"] = secrets.token_urlsafe(64)  # the same for this process and its gunicorn
    env["ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
    env.setdefault("GUILD_VAR_DIR", str(REPO / "var" / "bench" / "run"))
    env.setdefault("LOG_LEVEL", "WARNING")
    env.setdefault("DATABASE_CONN_MAX_AGE", "60")
    env["EMAIL_URL"] = "dummymail://"  # workflow emails are dropped: nothing is sent during a benchmark


def database_url(size):
    """The database of one size: the configured database's name with a suffix (guild_bench_l)."""
    parts = urlsplit(os.environ["GUILD_BENCH_DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"{parts.path.rstrip('/')}_{size.lower()}"))


def _admin_connection(url):
    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True)


def use_database(url):
    """Point Django's default connection (and the servers started later) at `url`."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache
    from django.db import connections

    name = urlsplit(url).path.lstrip("/")
    connections["default"].close()
    connections["default"].settings_dict["NAME"] = name
    settings.DATABASES["default"]["NAME"] = name
    os.environ["DATABASE_URL"] = url
    # Ids differ between databases: forget what was cached for the previous one (content types in
    # memory; Wagtail's site root paths and the like in the bench's own Redis database).
    ContentType.objects.clear_cache()
    cache.clear()


def prepare_database(size, *, reseed, log):
    """Create, migrate and seed the database for `size` unless it already holds that size."""
    from django.core.management import call_command
    from django.db import connections

    from .seed import seed, seeded_size
    from .sizes import SIZES

    url = database_url(size)
    name = urlsplit(url).path.lstrip("/")
    with _admin_connection(url) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and reseed:
            connections["default"].close()
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')
            log(f"created database {name}")
    use_database(url)
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    log(f"[{size}] migrated in {time.perf_counter() - started:.1f}s")
    current = seeded_size()
    if current != SIZES[size].key:
        if current is not None:  # another size, or a half-seeded database: start again
            return prepare_database(size, reseed=True, log=log)
        seed(size, stdout=sys.stdout)
    with connections["default"].cursor() as cur:
        cur.execute("SELECT seconds, seeded_at FROM bench_seed ORDER BY seeded_at DESC LIMIT 1")
        seconds, seeded_at = cur.fetchone()
    return {"database": name, "seed_seconds": round(seconds, 1), "seeded_at": seeded_at.isoformat()}


def machine():
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("SHOW server_version")
        pg = cur.fetchone()[0]
    mem_kb = 0
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    import django
    import wagtail

    return {"nproc": os.cpu_count(), "memory_gb": round(mem_kb / 1024 / 1024, 1), "postgresql": pg,
            "python": platform.python_version(), "django": django.get_version(), "wagtail": wagtail.__version__,
            "platform": platform.platform()}


def scenario_module(name):
    import importlib

    return importlib.import_module(f"tests.bench.scenarios.{name}")


def run_scenario(name, ctx, log):
    from .measure import skipped_rows
    from .scenarios import Skip

    module = scenario_module(name)
    started = time.perf_counter()
    try:
        rows = module.run(ctx)
    except Skip as reason:
        rows = skipped_rows(name, module.metrics(ctx.size), f"skipped: {reason}")
    except Exception as exc:  # noqa: BLE001 - one broken scenario must not hide the others' figures
        traceback.print_exc()
        rows = skipped_rows(name, module.metrics(ctx.size), f"skipped: error {type(exc).__name__}: {exc}")
    log(f"[{ctx.size}] {name}: {time.perf_counter() - started:.1f}s")
    return rows


def format_table(rows):
    def fmt(value):
        if value is None:
            return "-"
        return f"{value:.2f}" if isinstance(value, float) else str(value)

    header = ("scenario", "metric", "Guild", "baseline", "ratio", "target", "pass")
    lines = []
    for r in rows:
        if r.skipped:
            lines.append((r.scenario, r.metric, "-", "-", "-", "-", r.skipped))
            continue
        unit = f" {r.unit}" if r.unit else ""
        verdict = {True: "PASS", False: "FAIL", None: "info"}[r.passed]
        lines.append((r.scenario, r.metric, fmt(r.guild) + unit, fmt(r.baseline) + (unit if r.baseline is not None else ""),
                      fmt(r.ratio), r.target, verdict))
    widths = [max(len(str(line[i])) for line in [header, *lines]) for i in range(len(header))]
    out = [" | ".join(str(v).ljust(w) for v, w in zip(header, widths, strict=True))]
    out.append("-+-".join("-" * w for w in widths))
    out += [" | ".join(str(v).ljust(w) for v, w in zip(line, widths, strict=True)) for line in lines]
    return "\n".join(out)


def write_results(out, *, rows, started, extra):
    """The JSON twin of the printed table; returns the run's total seconds."""
    total = time.perf_counter() - started if started else 0.0
    result = {
        "machine": machine(),
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - total)),
        "total_seconds": round(total, 1),
        **extra,
        "rows": [r.as_dict() for r in rows],
    }
    Path(out).write_text(json.dumps(result, indent=2, default=str))
    return total


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    # A stopped run still stops its gunicorn (the Server context manager runs on SystemExit).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    configure_environment()
    import django

    django.setup()
    from .measure import Row
    from .scenarios import Context
    from .scenarios.learner import cross_size_rows

    started = time.perf_counter()

    def log(msg):
        print(f"[{time.perf_counter() - started:6.0f}s] {msg}", flush=True)

    only = [s.strip() for s in args.only.split(",") if s.strip()] or list(SCENARIOS)
    unknown = set(only) - set(SCENARIOS)
    if unknown:
        raise SystemExit(f"unknown scenario(s): {', '.join(sorted(unknown))}")
    plan = {}  # size -> scenarios, smallest size first
    for name in only:
        sizes = [args.size] if args.size else (["S", "L"] if name == "learner" else ["L"])
        for size in sizes:
            plan.setdefault(size, []).append(name)
    out = Path(args.out)
    log_dir = out.parent
    log_dir.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    shared, databases = {}, {}
    for size in sorted(plan, key="SML".index):
        databases[size] = prepare_database(size, reseed=args.reseed, log=log)
        for name in plan[size]:
            ctx = Context(size=size, runs=args.runs, requests=args.requests, server_env=dict(os.environ),
                          log_dir=log_dir, shared=shared)
            rows += run_scenario(name, ctx, log)
            # Written after every scenario, so that a long run that is stopped keeps what it measured.
            write_results(out, rows=rows, started=started, extra={"args": vars(args), "databases": databases,
                                                                  "learner_details": shared.get("learner", {})})
    rows += cross_size_rows(shared)
    total = write_results(out, rows=rows, started=started,
                          extra={"args": vars(args), "databases": databases, "learner_details": shared.get("learner", {})})
    print()
    print(format_table(rows))
    print(f"\n{sum(r.passed is True for r in rows)} pass, {sum(r.passed is False for r in rows)} fail, "
          f"{sum(bool(r.skipped) for r in rows)} skipped; total {total:.0f}s; written to {out}")
    return 0

"""`make bench` keeps working: every scenario's code path runs on tiny data (sizes T and T2), through
the same seeder, the same gunicorn-on-loopback learner scenario and the same results file.

No timing is asserted here (performance lives in `make bench`); the query counts of the hot pages
and of publishing are, since those must not depend on data size."""

import json
import os
from urllib.parse import quote

import pytest

pytestmark = [pytest.mark.bench, pytest.mark.django_db(transaction=True)]

_results = {}


def _database_url():
    from django.db import connection

    s = connection.settings_dict
    auth = quote(s.get("USER") or "")
    if s.get("PASSWORD"):
        auth += ":" + quote(s["PASSWORD"])
    return f"postgres://{auth}@{s.get('HOST') or '127.0.0.1'}:{s.get('PORT') or 5432}/{s['NAME']}"


def _run_every_scenario(tmp_path):
    """Seed T, run everything, empty the database, seed T2, run everything; the results JSON."""
    from django.core.management import call_command

    from tests.bench.runner import SCENARIOS, run_scenario, write_results
    from tests.bench.scenarios import Context
    from tests.bench.scenarios.learner import cross_size_rows
    from tests.bench.seed import seed

    env = {**os.environ, "DATABASE_URL": _database_url(), "DJANGO_SETTINGS_MODULE": "guild.settings.test",
           "EMAIL_URL": "dummymail://"}
    rows, shared = [], {}
    # Every scenario at T; the learner's hot pages again at T2, to compare query counts.
    for size, scenarios in (("T", SCENARIOS), ("T2", ["learner"])):
        call_command("flush", interactive=False, verbosity=0)  # post_migrate puts roles and the site root back
        seed(size)
        for name in scenarios:
            ctx = Context(size=size, runs=1, requests=3, concurrency=1, warmup=1, server_env=env, log_dir=tmp_path,
                          smoke=True, shared=shared)
            rows += run_scenario(name, ctx, log=lambda msg: None)
    rows += cross_size_rows(shared, small="T", large="T2")
    out = tmp_path / "results.json"
    write_results(out, rows=rows, started=0, extra={"learner_details": shared.get("learner", {})})
    return json.loads(out.read_text())


@pytest.fixture
def results(tmp_path):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the benchmarks need PostgreSQL (COPY); set DATABASE_URL")
    if "data" not in _results:  # one tiny run serves every test in this file
        _results["data"] = _run_every_scenario(tmp_path)
    return _results["data"]


def test_every_scenario_reports_each_of_its_metrics_with_numbers(results):
    from tests.bench.runner import SCENARIOS, scenario_module

    rows = {(r["scenario"], r["metric"]): r for r in results["rows"]}
    for name, size in [(name, "T") for name in SCENARIOS] + [("learner", "T2")]:
        for metric in scenario_module(name).metrics(size):
            row = rows.get((name, metric))
            assert row is not None, f"no row for {name} / {metric}"
            assert not row["skipped"].startswith("skipped: error"), row["skipped"]
            if not row["skipped"]:
                assert isinstance(row["guild"], int | float), row
                assert row["passed"] in (True, False, None)
    measured = {r["scenario"] for r in results["rows"] if not r["skipped"]}
    assert {"learner", "search", "load"} <= measured  # their features exist: they must be measured, not skipped


def test_the_concurrent_learners_mix_runs_without_an_error(results):
    rows = {r["metric"]: r for r in results["rows"] if r["scenario"] == "load"}
    errors = rows["mix [T] errors"]
    assert errors["guild"] == 0 and errors["passed"] is True, errors["note"]
    headline = rows["mix [T] p95, 50 learners vs 1 learner median"]
    assert headline["guild"] > 0 and headline["baseline"] > 0 and headline["ratio"] is not None


def test_hot_pages_and_publishing_run_the_same_queries_at_two_sizes(results):
    # The equality rows (informational ratios, such as the editor's queries against Wagtail's bare page, are not).
    rows = [r for r in results["rows"] if r["unit"] == "queries" and r["target"] == "equal" and not r["skipped"]]
    assert {r["scenario"] for r in rows} >= {"learner"}
    for row in rows:
        assert row["guild"] == row["baseline"], row

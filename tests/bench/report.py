"""`python -m tests.bench.report [results.json]`: the results as a Markdown table, for docs/performance.md."""

import json
import sys
from pathlib import Path


def _fmt(value, unit=""):
    if value is None:
        return "-"
    text = f"{value:,.2f}" if isinstance(value, float) else f"{value:,}"
    return f"{text} {unit}".strip()


def markdown(result):
    lines = ["| scenario | metric | Guild | baseline | ratio | target | pass |", "|---|---|---:|---:|---:|---|---|"]
    for r in result["rows"]:
        if r["skipped"]:
            lines.append(f"| {r['scenario']} | {r['metric']} | - | - | - | - | {r['skipped']} |")
            continue
        verdict = {True: "PASS", False: "**FAIL**", None: "info"}[r["passed"]]
        lines.append(f"| {r['scenario']} | {r['metric']} | {_fmt(r['guild'], r['unit'])} | "
                     f"{_fmt(r['baseline'], r['unit'] if r['baseline'] is not None else '')} | {_fmt(r['ratio'])} | "
                     f"{r['target']} | {verdict} |")
    return "\n".join(lines)


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "var/bench/results.json")
    print(markdown(json.loads(path.read_text())))

"""Benchmarks at scale: `manage.py seed_scale` builds a synthetic organisation, and
`python -m tests.bench` (what `make bench` runs) times each scenario against a baseline
measured in the same process, in the same run. See docs/performance.md."""

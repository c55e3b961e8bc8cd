from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Only here so that Django finds the seed_scale command; the app has no models."""

    name = "tests.bench"
    label = "bench"
    verbose_name = "Benchmarks"

"""Settings for the benchmark: production's, served over plain HTTP on loopback.

Differences from production, and why: no HTTPS redirect or HSTS (no TLS proxy on loopback),
and static files come from the finders instead of a collected manifest, so that a fresh clone
needs no collectstatic before `make bench`. WhiteNoise also serves STATIC_ROOT, where the
learner scenario writes the same-size static files it compares pages with."""

from guild.settings.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# The benchmark is a tool, not part of the product: only its own settings install it (seed_scale).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.bench"]  # noqa: F405

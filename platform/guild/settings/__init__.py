"""Settings are chosen by DJANGO_ENV: development (default) or production.

Tests use guild.settings.test directly (see pyproject.toml).
"""

import os

if os.environ.get("DJANGO_ENV", "development") == "production":
    from .production import *  # noqa: F403
else:
    from .base import *  # noqa: F403

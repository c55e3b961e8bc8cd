"""The REST API. Each app registers its viewsets on this router in its api.py."""

import importlib

from django.apps import apps
from rest_framework.routers import DefaultRouter

router = DefaultRouter()
GUILD_PACKAGES = {"guild", "courses", "sme", "governance", "rewards"}

for _config in apps.get_app_configs():
    if _config.name.split(".")[0] not in GUILD_PACKAGES:
        continue
    try:
        _module = importlib.import_module(f"{_config.name}.api")
    except ModuleNotFoundError as exc:
        if exc.name != f"{_config.name}.api":
            raise
        continue
    _module.register(router)

urlpatterns = router.urls

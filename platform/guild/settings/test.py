"""Test settings: the environment picks the servers (DATABASE_URL, REDIS_URL), exactly as in production."""

from .base import *  # noqa: F403
from .base import DATABASES, GUILD_SCORM_STORAGE, VAR_DIR

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; never used outside tests
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not :memory:, so that a real worker process can share the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "scorm": GUILD_SCORM_STORAGE,
}

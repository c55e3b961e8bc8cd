"""Production: refuses to start without a real secret key, hosts and mail relay; passes check --deploy."""

from django.core.exceptions import ImproperlyConfigured

from . import base
from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY or SECRET_KEY.startswith("guild-insecure") or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set SECRET_KEY to a random value of at least 50 characters in production.")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the host names Guild is served on in production.")
# Sign-in, password resets and reminders are email: never printed to a console by default, where a company
# would lose every message without noticing. Not sending is the operator's written choice (consolemail://).
if not env.str("EMAIL_URL", default="").strip():
    raise ImproperlyConfigured(
        "Set EMAIL_URL to your SMTP relay in production, e.g. smtp+tls://user:password@smtp.example.com:587 "
        "(sign-in, password resets and reminders are email). To print mail to the log instead, set "
        "EMAIL_URL=consolemail:// explicitly.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading is a promise to browsers' built-in lists that takes months to undo: the operator opts in.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = [*getattr(base, "SILENCED_SYSTEM_CHECKS", [])]
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS.append("security.W021")  # "SECURE_HSTS_PRELOAD is not True": off by choice

STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}  # noqa: F405

# Media on S3-compatible storage when configured (see docs/deployment.md). The bucket stays private:
# django-storages signs every URL it hands out, so nothing in it is readable by guessing a name.
# Credentials come from boto3's usual sources (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, an instance role).
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}  # noqa: F405
    STORAGES["scorm"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {"location": "scorm"}}  # noqa: F405
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default="") or None  # MinIO, Ceph, …
    AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default="") or None
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = True
    # Signature version 4: boto3 would sign links with the deprecated version 2, which newer AWS
    # regions and buckets refuse (the media test found it).
    AWS_S3_SIGNATURE_VERSION = env.str("AWS_S3_SIGNATURE_VERSION", default="s3v4")
    AWS_S3_FILE_OVERWRITE = False
    GUILD_SERVE_MEDIA = False

# People are invited (HR sync, the L&D admin); self sign-up is opened with GUILD_SIGNUP_OPEN=true.
GUILD_SIGNUP_OPEN = env.bool("GUILD_SIGNUP_OPEN", default=False)
# Demo people loaded into production (seed_demo --i-know-this-is-production) get no usable password.
GUILD_DEMO_PASSWORD = None

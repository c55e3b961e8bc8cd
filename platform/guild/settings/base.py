"""Base settings, read from the environment (12-factor).

Every value has an embedded default so that `make demo` needs nothing but Python:
SQLite under var/, kombu's filesystem transport as the broker, and emails printed
to the console. DATABASE_URL, REDIS_URL and EMAIL_URL switch to real servers.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR.parent.parent  # the repository root
VAR_DIR = Path(environ.Env().str("GUILD_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
# Off unless asked for (DEBUG=true), in the demo too: a visitor sees Guild's own 404 and 500 pages, never
# Django's technical pages with the URL list and settings. Static files (WhiteNoise) and public media
# (guild.core.media) are served either way.
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="guild-insecure-development-key-change-me")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Guild's foundation (platform/guild)
    "guild.core",
    "guild.people",
    "guild.skills",
    "guild.events",
    "guild.notifications",
    "guild.xapi",  # learning events as xAPI statements to the configured LRSs
    "guild.sso",
    "guild.scim",
    "guild.webhooks",
    # Features
    "courses",
    "courses.skill_levels",  # required levels, self-assessment and validation (app label "skill_levels")
    "courses.automation",  # enrolment rules, reminders, renewals (app label "automation")
    "courses.scorm",  # SCORM packages and their run-time (app label "scorm")
    "sme",
    "governance",
    "governance.review",
    "governance.reports",
    "rewards",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "guild.people.admin_app.PeopleAdminConfig",  # wagtail.users without superuser or password fields
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    # Single sign-on: any number of OpenID Connect and SAML 2.0 identity providers (docs/deployment.md)
    "allauth.socialaccount.providers.openid_connect",
    "allauth.socialaccount.providers.saml",
    # API
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]
# Extra apps plugged in by settings only, e.g. another allauth provider:
# GUILD_EXTRA_APPS=allauth.socialaccount.providers.github
INSTALLED_APPS += env.list("GUILD_EXTRA_APPS", default=[])

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "guild.core.request_memo.RequestMemoMiddleware",
    "guild.core.middleware.RejectNulBytesMiddleware",
    "guild.core.middleware.ContentSecurityPolicyMiddleware",
    "guild.sso.middleware.SSOFormActionMiddleware",  # adds the identity provider to form-action
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "guild.core.middleware.AdminAccessMiddleware",
    "guild.core.middleware.AdminGuardsMiddleware",
    "guild.people.middleware.UserTimezoneMiddleware",
    "guild.people.middleware.UserLanguageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "guild.urls"
WSGI_APPLICATION = "guild.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "guild.core.context_processors.guild",
            ],
        },
    },
]

# --- Data stores -----------------------------------------------------------
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'guild.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web, worker and beat processes share one file without locking each other out.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # SQLite cannot hold "nulls not distinct" unique constraints; PostgreSQL (production) enforces them.
    SILENCED_SYSTEM_CHECKS = ["models.W047"]
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    # A persistent connection that PostgreSQL dropped (a restart, a failover) is found and replaced at
    # the start of the next request or task, instead of failing it (docs/deployment.md).
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # An unreachable server fails a request in seconds instead of hanging a web worker.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5)
    )
# A read replica for dashboards and reports (guild.core.replica): a second alias, used only by the code
# that opts in. Under test it mirrors the test database instead of getting an empty one of its own.
DATABASE_REPLICA_URL = env.str("DATABASE_REPLICA_URL", default="")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = env.db_url_config(DATABASE_REPLICA_URL)
    DATABASES["replica"].update(
        CONN_MAX_AGE=DATABASES["default"].get("CONN_MAX_AGE", 0),
        CONN_HEALTH_CHECKS=DATABASES["default"].get("CONN_HEALTH_CHECKS", False),
        TEST={"MIRROR": "default"},
    )
DATABASE_ROUTERS = ["guild.core.replica.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
# How long a request waits on Redis (cache and broker) before carrying on without it.
REDIS_TIMEOUT = env.float("REDIS_TIMEOUT", default=1.0)
if REDIS_URL:
    # Redis down must not mean pages down: this cache logs and behaves as empty while Redis is
    # unreachable (sign-in rate limits fail open), and retries it every RETRY_AFTER seconds.
    CACHES = {
        "default": {
            "BACKEND": "guild.core.cache.FailSoftRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": REDIS_TIMEOUT, "socket_timeout": REDIS_TIMEOUT, "RETRY_AFTER": 5},
        }
    }
else:
    # A file cache is shared by every process of the demo, so sign-in rate limits hold across them.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

# --- Auth and accounts -------------------------------------------------------
AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "account_login"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = env.str("ACCOUNT_EMAIL_VERIFICATION", default="mandatory")
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_ADAPTER = "guild.sso.adapters.GuildSSOAccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Guild] "
# allauth's rate limits: failed sign-ins per IP and per account, password resets, sign-ups.
ACCOUNT_RATE_LIMITS = {
    "login_failed": env.str("GUILD_LOGIN_FAILED_RATE", default="10/m/ip,5/5m/key"),
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
SOCIALACCOUNT_ONLY = False
# Identity providers from the environment (several at once), besides those an L&D admin adds in the
# admin (Settings > Single sign-on), e.g. {"openid_connect": {"APPS": [{"provider_id": "okta", ...}]}}.
SOCIALACCOUNT_PROVIDERS = env.json("SOCIALACCOUNT_PROVIDERS", default={})
SOCIALACCOUNT_ADAPTER = "guild.sso.adapters.GuildSocialAccountAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = True  # just in time: the first SSO sign-in creates the person
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True  # a person already in Guild is linked by their address
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"  # the identity provider has verified the address
SOCIALACCOUNT_STORE_TOKENS = False
# Domains whose people must sign in through SSO (password sign-in refused), and the break-glass
# admins who may still use their password, e.g. GUILD_SSO_REQUIRED_DOMAINS=acme.com
GUILD_SSO_REQUIRED_DOMAINS = [d.lower() for d in env.list("GUILD_SSO_REQUIRED_DOMAINS", default=[])]
GUILD_SSO_BREAK_GLASS_EMAILS = [e.lower() for e in env.list("GUILD_SSO_BREAK_GLASS_EMAILS", default=[])]
# Limit self sign-up to company addresses, e.g. GUILD_SIGNUP_DOMAINS=acme.com,acme.co.uk
GUILD_SIGNUP_DOMAINS = [d.lower() for d in env.list("GUILD_SIGNUP_DOMAINS", default=[])]
GUILD_SIGNUP_OPEN = env.bool("GUILD_SIGNUP_OPEN", default=True)  # production closes it (settings/production.py)

# --- Internationalisation ------------------------------------------------------
LANGUAGE_CODE = "en"
# Every string is marked for translation; a language is listed here once its catalogue in locale/ is
# complete (docs/i18n.md; tests/i18n/ fail on an untranslated string).
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# One date format per language for the whole site (guild/formats/<language>/formats.py).
FORMAT_MODULE_PATH = ["guild.formats"]
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

# --- Static and media ---------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploads: bounded in size; Wagtail images and documents carry their own type checks.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
GUILD_MAX_UPLOAD_BYTES = env.int("GUILD_MAX_UPLOAD_BYTES", default=20 * 1024 * 1024)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = GUILD_MAX_UPLOAD_BYTES
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# mp4/webm: lesson videos; vtt: their WebVTT captions (courses.blocks.VideoBlock).
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "csv", "zip", "mp4", "webm", "vtt"]
# Size limits per kind and content checks for videos and captions (guild.core.documents).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "guild.core.documents.GuildDocumentForm"
GUILD_MAX_VIDEO_BYTES = env.int("GUILD_MAX_VIDEO_BYTES", default=500 * 1024 * 1024)
GUILD_MAX_CAPTIONS_BYTES = env.int("GUILD_MAX_CAPTIONS_BYTES", default=1024 * 1024)
# Public media (images, renditions, avatars) is served by guild.core.media under MEDIA_URL while the files
# are on local disk; documents always go through Wagtail's serve view, which applies collection privacy,
# and are never readable under MEDIA_URL (docs/deployment.md, "Media").
GUILD_SERVE_MEDIA = True
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# SCORM packages: unpacked into their own storage (never under MEDIA_URL), served only through
# courses.scorm's content view to the people who may see them (docs/content.md).
GUILD_SCORM_ROOT = Path(env.str("GUILD_SCORM_ROOT", default=str(VAR_DIR / "scorm")))
GUILD_SCORM_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(GUILD_SCORM_ROOT)}}
STORAGES["scorm"] = GUILD_SCORM_STORAGE
GUILD_SCORM_MAX_UPLOAD_BYTES = env.int("GUILD_SCORM_MAX_UPLOAD_BYTES", default=200 * 1024 * 1024)
GUILD_SCORM_MAX_UNPACKED_BYTES = env.int("GUILD_SCORM_MAX_UNPACKED_BYTES", default=500 * 1024 * 1024)
GUILD_SCORM_MAX_FILES = env.int("GUILD_SCORM_MAX_FILES", default=5000)

# xAPI out (guild.xapi, docs/content.md): one LRS from the environment, besides those L&D configures in the admin.
GUILD_XAPI_LRS_URL = env.str("GUILD_XAPI_LRS_URL", default="")  # the xAPI base, e.g. https://lrs.example.com/xAPI/
GUILD_XAPI_LRS_KEY = env.str("GUILD_XAPI_LRS_KEY", default="")
GUILD_XAPI_LRS_SECRET = env.str("GUILD_XAPI_LRS_SECRET", default="")
GUILD_XAPI_ACTOR_FORMAT = env.str("GUILD_XAPI_ACTOR_FORMAT", default="mbox_sha1sum")  # or "account"
# The root of Guild's own verb, activity and extension IRIs; default GUILD_BASE_URL + "/xapi". Set it once.
GUILD_XAPI_VOCABULARY = env.str("GUILD_XAPI_VOCABULARY", default="")
GUILD_XAPI_BATCH_SIZE = env.int("GUILD_XAPI_BATCH_SIZE", default=100)
GUILD_XAPI_TIMEOUT = env.float("GUILD_XAPI_TIMEOUT", default=10.0)
GUILD_XAPI_RETRY_SECONDS = env.float("GUILD_XAPI_RETRY_SECONDS", default=60.0)
GUILD_XAPI_MAX_RETRY_SECONDS = env.float("GUILD_XAPI_MAX_RETRY_SECONDS", default=3600.0)
GUILD_XAPI_MAX_ATTEMPTS = env.int("GUILD_XAPI_MAX_ATTEMPTS", default=60)
GUILD_XAPI_SECONDS = env.float("GUILD_XAPI_SECONDS", default=30.0)  # how often beat runs the statement sender

# --- Email ---------------------------------------------------------------------
# Unset (or empty): printed to the console, for the demo. Production refuses that (settings/production.py).
EMAIL_CONFIG = env.email_url_config(env.str("EMAIL_URL", default="").strip() or "consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Guild <guild@example.com>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# An SMTP server that accepts the connection and never answers: the sender gives up after this many
# seconds and the outbox row is marked failed and retried later.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)

# --- Celery ----------------------------------------------------------------------
BROKER_DIR = VAR_DIR / "broker"
CELERY_BROKER_URL = REDIS_URL or "filesystem://"
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {"visibility_timeout": 3600, "socket_connect_timeout": REDIS_TIMEOUT, "socket_timeout": 5 * REDIS_TIMEOUT}
    if REDIS_URL
    else {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "control_folder": str(BROKER_DIR / "control"),
        "processed_folder": str(BROKER_DIR / "processed"),
        "store_processed": False,
    }
)
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 300
CELERY_TASK_TIME_LIMIT = 360
CELERY_TASK_DEFAULT_RETRY_DELAY = 30
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Workers wait for the broker for as long as it is away (kombu's default gives up after 100 tries).
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
# Sending a task from a request gives up quickly when the broker is down (the caller logs it and carries
# on; the outbox and the next scheduled run recover the work): about a second, not Celery's default
# retries with a 4 s connection timeout each.
CELERY_BROKER_CONNECTION_TIMEOUT = REDIS_TIMEOUT
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
# Three queues, so that a long sweep never holds up an email and neither holds up the rest; each can
# get its own workers (docs/deployment.md, "Queues and replicas"). Every worker must name the queues
# it consumes (`-Q default,email,sweeps` when one worker does everything: the demo and the tests).
# Routes match task names (glob patterns), so the platform names the feature tasks without importing them.
CELERY_TASK_DEFAULT_QUEUE = "default"
GUILD_CELERY_QUEUES = ("default", "email", "sweeps")
CELERY_TASK_ROUTES = {
    "guild.notifications.deliver_outbox": {"queue": "email"},
    "guild.xapi.deliver_statements": {"queue": "email"},  # the queue of outbound deliveries
    # Periodic and batch jobs: the sweep registry, enrolment rules, the dashboards' rollups, rewards' batches.
    "guild.core.sweep_all": {"queue": "sweeps"},
    "guild.core.run_sweep": {"queue": "sweeps"},
    "courses.automation.*": {"queue": "sweeps"},
    "governance.fold_learning_events": {"queue": "sweeps"},
    "governance.refresh_summaries": {"queue": "sweeps"},
    "governance.queue_report_emails": {"queue": "sweeps"},
    "rewards.monthly_recognition": {"queue": "sweeps"},
    "rewards.backfill_badge": {"queue": "sweeps"},
}
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Each feature app adds its periodic tasks in its own beat.py (see guild/celery.py).
CELERY_BEAT_SCHEDULE = {}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# --- Wagtail -------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Guild"
WAGTAILUSERS_PASSWORD_ENABLED = False  # people set their own password (reset email); see guild.people.wagtail_users
WAGTAILADMIN_BASE_URL = env.str("GUILD_BASE_URL", default="http://127.0.0.1:8000")
GUILD_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False  # air-gapped: never phone home
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # air-gapped: avatars are uploaded or drawn, never fetched from gravatar.com
WAGTAILEMBEDS_FINDERS = [{"class": "guild.core.embeds.LocalVideoFinder"}]
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
# One way to reset a password: allauth's, rate-limited and sent through the outbox. Wagtail's own
# reset form would send its email inside the request, outside both.
WAGTAIL_PASSWORD_RESET_ENABLED = False

# --- API -------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Machines: tokens, never HTTP Basic. First, so that a refusal is a 401 with WWW-Authenticate.
        "guild.people.api_auth.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",  # the browser, with its CSRF token
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "guild.api_schema.GuildAutoSchema",
    # Errors as RFC 9457 problem details (application/problem+json), in one shape for every view.
    "EXCEPTION_HANDLER": "guild.core.api_errors.problem_exception_handler",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "guild.core.api_errors.ProblemJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],  # the API takes JSON bodies only
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "guild.core.pagination.IdCursorPagination",
    # Throttled per person and, for requests without one, per IP (counts live in the cache).
    "DEFAULT_THROTTLE_CLASSES": [
        "guild.people.api_auth.PersonOrTokenRateThrottle",
        "rest_framework.throttling.AnonRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {"user": "600/min", "anon": "30/min"},
}
# /scim/v2/ (guild.scim): the API's per-token rate unless set, e.g. "1200/min" for a large first sync.
GUILD_SCIM_THROTTLE_RATE = env.str("GUILD_SCIM_THROTTLE_RATE", default="")
SPECTACULAR_SETTINGS = {
    "TITLE": "Guild API",
    "DESCRIPTION": "HR-system sync and reporting for the Guild learning platform.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",  # served locally: no CDN
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "PREPROCESSING_HOOKS": ["guild.api_schema.only_the_guild_api"],
    # Two choice sets share the field name "level": a course's and a skill's. Named here, not hashed.
    "ENUM_NAME_OVERRIDES": {"CourseLevelEnum": "courses.models.pages.CourseLevel",
                            "SkillLevelEnum": "guild.skills.models.SkillLevel"},
}

# --- Security defaults that hold in every environment ------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview opts itself in to same-origin framing
# Content-Security-Policy (guild.core.middleware): Guild's pages run no inline script. Inline style
# attributes remain in a few templates, hence 'unsafe-inline' for styles only.
_CSP_COMMON = ("default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self' data:; "
               "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-src 'self'")
GUILD_CSP = f"{_CSP_COMMON}; script-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"
GUILD_CSP_RELAXED = (f"{_CSP_COMMON}; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                     "style-src 'self' 'unsafe-inline'; frame-ancestors 'self'")
GUILD_CSP_RELAXED_PATHS = ["/cms/", "/django-admin/", "/api/docs/"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "django_tasks": {"level": "WARNING"}},
}

# --- Guild ---------------------------------------------------------------------------------
GUILD_DEMO_PASSWORD = "guild-demo"  # noqa: S105 - the documented demo sign-in, only used by seed_demo
if DJANGO_ENV == "development":
    # The demo runs its periodic jobs every minute, so reminders and dashboards move while someone watches.
    GUILD_REMINDER_SWEEP_SECONDS = env.int("GUILD_REMINDER_SWEEP_SECONDS", default=60)
    GUILD_RULES_SWEEP_SECONDS = env.int("GUILD_RULES_SWEEP_SECONDS", default=60)
    GUILD_GOVERNANCE_SUMMARY_INTERVAL = env.int("GUILD_GOVERNANCE_SUMMARY_INTERVAL", default=60)
CSRF_FAILURE_VIEW = "guild.core.views.csrf_failure"

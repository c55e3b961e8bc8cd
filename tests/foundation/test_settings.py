import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


PRODUCTION = {"DJANGO_ENV": "production", "SECRET_KEY": "k" * 20 + "-Very-random-production-secret-0123456789abcdef",
              "ALLOWED_HOSTS": "guild.example.com"}


def _manage(*args, **variables):
    """manage.py in a fresh process, with `variables` over this one's environment (None: unset)."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    full_env.update(variables)
    full_env = {k: v for k, v in full_env.items() if v is not None}
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=full_env, capture_output=True, text=True
    )


def test_production_refuses_to_start_without_a_real_secret_key():
    result = _manage("check", DJANGO_ENV="production", SECRET_KEY="", ALLOWED_HOSTS="guild.example.com")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _manage("check", DJANGO_ENV="production", SECRET_KEY="x" * 64, ALLOWED_HOSTS="")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_refuses_to_start_without_a_mail_relay():
    """Unset, mail would be printed to a console nobody reads: every sign-in link and reminder lost."""
    for missing in (None, " "):
        result = _manage("check", EMAIL_URL=missing, **PRODUCTION)
        assert result.returncode != 0
        assert ("Set EMAIL_URL to your SMTP relay in production, e.g. smtp+tls://user:password@smtp.example.com:587"
                in result.stderr), result.stderr
    # Written by the operator, printing mail is their choice.
    chosen = _manage("shell", "--no-imports", "-c", "from django.conf import settings; print(settings.EMAIL_BACKEND)",
                     EMAIL_URL="consolemail://", **PRODUCTION)
    assert chosen.stdout.split() == ["django.core.mail.backends.console.EmailBackend"], chosen.stdout + chosen.stderr


def test_check_deploy_is_clean_in_production():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", EMAIL_URL="smtp+tls://guild:secret@smtp.example.com:587",
                     **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_embedded_defaults_need_no_servers():
    from guild.settings import base

    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "EMAIL_URL")}
    code = "import guild.settings.base as b; print(b.DATABASES['default']['ENGINE'], b.CELERY_BROKER_URL)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)  # noqa: S603
    assert out.stdout.split() == ["django.db.backends.sqlite3", "filesystem://"]
    assert base.AUTH_USER_MODEL == "people.User"

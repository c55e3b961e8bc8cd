"""Defaults that keep a fresh installation safe: no public demo password in production, sign-up closed,
HSTS preload opt-in, no Gravatar, and Guild's own error pages in the demo (DEBUG off)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {"DJANGO_ENV": "production", "SECRET_KEY": "s" * 20 + "-production-secret-0123456789abcdefghij",
              "ALLOWED_HOSTS": "guild.example.com", "EMAIL_URL": "smtp://smtp.example.com:25"}


def _settings_in_a_fresh_process(names, **env):
    """The settings a process started with `env` gets (no DJANGO_SETTINGS_MODULE from pytest)."""
    full_env = {k: v for k, v in os.environ.items()
                if k not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ENV", "DEBUG", "GUILD_SIGNUP_OPEN", "SECURE_HSTS_PRELOAD")}
    full_env.update(env)
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**full_env, "DJANGO_SETTINGS_MODULE": "guild.settings"},  # noqa: S603
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_production_defaults_are_the_safe_ones():
    got = _settings_in_a_fresh_process(
        ["GUILD_SIGNUP_OPEN", "SECURE_HSTS_PRELOAD", "GUILD_DEMO_PASSWORD", "WAGTAIL_GRAVATAR_PROVIDER_URL", "DEBUG"],
        **PRODUCTION,
    )
    assert got == {"GUILD_SIGNUP_OPEN": False, "SECURE_HSTS_PRELOAD": False, "GUILD_DEMO_PASSWORD": None,
                   "WAGTAIL_GRAVATAR_PROVIDER_URL": None, "DEBUG": False}


def test_operators_opt_in_to_sign_up_and_hsts_preload():
    got = _settings_in_a_fresh_process(
        ["GUILD_SIGNUP_OPEN", "SECURE_HSTS_PRELOAD", "SILENCED_SYSTEM_CHECKS"],
        GUILD_SIGNUP_OPEN="true", SECURE_HSTS_PRELOAD="true", **PRODUCTION,
    )
    assert got["GUILD_SIGNUP_OPEN"] is True and got["SECURE_HSTS_PRELOAD"] is True
    assert "security.W021" not in got["SILENCED_SYSTEM_CHECKS"]


def test_the_demo_runs_with_debug_off_and_its_sign_up_open():
    """`make demo` starts the default (development) settings: DEBUG must be off there, or any visitor's
    404 shows Django's technical page with every URL of the site."""
    got = _settings_in_a_fresh_process(["DEBUG", "GUILD_SIGNUP_OPEN", "GUILD_SERVE_MEDIA"])
    assert got == {"DEBUG": False, "GUILD_SIGNUP_OPEN": True, "GUILD_SERVE_MEDIA": True}


@pytest.mark.django_db
def test_a_404_is_guilds_page_not_djangos(client):
    response = client.get("/no/such/page/")
    body = response.content.decode()
    assert response.status_code == 404
    assert "We can’t find that page" in body and "URLconf" not in body


def test_the_500_page_renders_without_the_database(rf):
    """The 500 handler must not run context processors: they query the database, which may be what broke."""
    from guild.core.views import server_error
    from guild.people.models import User

    request = rf.get("/")
    request.user = User(email="someone@example.com")  # authenticated: the context processor would count notifications
    response = server_error(request)
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


@pytest.mark.django_db
def test_the_wagtail_admin_never_points_at_gravatar(client, expert):
    client.force_login(expert)
    response = client.get("/cms/")
    assert response.status_code == 200
    assert "gravatar" not in response.content.decode().lower()


@pytest.mark.django_db
def test_seed_demo_refuses_to_run_in_production(settings):
    from guild.people.models import User

    settings.DJANGO_ENV, settings.GUILD_DEMO_PASSWORD = "production", None
    with pytest.raises(CommandError, match="--i-know-this-is-production"):
        call_command("seed_demo")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_seed_demo_in_production_leaves_no_usable_password(settings):
    """With the flag, the demo loads, nobody can sign in with the public password, and demo people left
    with it by an older Guild lose it."""
    from django.contrib.auth.hashers import make_password

    from guild.people.models import User

    public = make_password("guild-demo")
    User.objects.create(email="admin@example.com", password=public)
    User.objects.create(email="old.demo@example.com", password=public)
    User.objects.create(email="someone.else@example.com", password=make_password("guild-demo"))  # not a demo hash

    settings.DJANGO_ENV, settings.GUILD_DEMO_PASSWORD = "production", None
    out = _run_seed("--i-know-this-is-production")
    assert "guild-demo" not in out and "changepassword" in out
    assert User.objects.count() >= 40
    demo_people = User.objects.exclude(email="someone.else@example.com")
    assert not [u.email for u in demo_people if u.has_usable_password()]
    assert User.objects.get(email="someone.else@example.com").has_usable_password()


def _run_seed(*args):
    from io import StringIO

    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()

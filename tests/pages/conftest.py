"""One seeded organisation (the demo, via build_org) behind one live server, shared by every test of
this folder's module: a private copy of the run's seeded template database (tests/support/seeded_db.py),
so the data is committed (the live server's thread has its own connection) and dropped afterwards."""

import pytest
from pytest_django.live_server_helper import LiveServer

from tests.support.access_org import build_org
from tests.support.seeded_db import seeded_database

FRENCH_EMAIL = "camille@example.com"


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    from guild.people.models import Team, User
    from guild.people.roles import Role
    from guild.people.services import grant_role

    with seeded_database(django_db_blocker, build_org) as org:
        # Camille (the demo's French speaker) holds every role here, so one person sees every page.
        camille = User.objects.get(email=FRENCH_EMAIL)
        for role in (Role.REVIEWER, Role.MANAGER, Role.LD_ADMIN, Role.EXECUTIVE):
            grant_role(user=camille, role=role)
        Team.objects.filter(slug="customer-success").update(manager=camille)
        org["users"]["french"] = User.objects.get(pk=camille.pk)
        server = LiveServer("localhost:0")
        try:
            org["url"] = server.url
            yield org
        finally:
            server.stop()


def session_cookie(user, url):
    """A signed-in session for `user`, as a cookie for the browser (signing in through the form for
    every role would cost seconds each; tests/browser/ covers the form)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value, "url": url}

"""Catalogue search forgives typos and missing accents, and says "Did you mean …?" (issue 20, build 1)."""

import re
from html import unescape

import pytest
from django.db import connection

from courses.selectors import search
from tests.support.courses import make_course

pytestmark = pytest.mark.django_db


def titles(response):
    return [c.title for c in response.context["page_obj"].object_list]


@pytest.fixture
def courses():
    make_course("Python for analysts", summary="Scripts that tidy spreadsheets.", lessons=0)
    make_course("Advanced Python", summary="Generators, typing and packaging.", lessons=0)
    make_course("Sécurité au travail", summary="Les bons réflexes sur site.", lessons=0)
    make_course("Negotiation", summary="Getting to yes.", lessons=0)


def test_a_typo_finds_the_courses_and_offers_the_corrected_search(client, learner, courses):
    client.force_login(learner)
    response = client.get("/courses/?q=pyhton")
    assert sorted(titles(response)) == ["Advanced Python", "Python for analysts"]
    html = unescape(response.content.decode())
    link = re.search(r'Did you mean <a href="\?([^"]+)"><strong>(\w+)</strong></a>\?', html)
    assert link and link.group(2) == "python"
    corrected = client.get("/courses/?" + link.group(1))
    assert sorted(titles(corrected)) == ["Advanced Python", "Python for analysts"]
    assert "Did you mean" not in corrected.content.decode()  # the corrected search is right as typed


def test_missing_accents_find_the_accented_title(client, learner, courses):
    client.force_login(learner)
    assert titles(client.get("/courses/?q=securite")) == ["Sécurité au travail"]
    assert titles(client.get("/courses/?q=SECURITE+travail")) == ["Sécurité au travail"]


def test_the_suggestion_keeps_the_filters(client, learner, courses):
    client.force_login(learner)
    html = unescape(client.get("/courses/?q=pyhton&level=beginner").content.decode())
    href = re.search(r'Did you mean <a href="\?([^"]+)"', html).group(1)
    assert "level=beginner" in href and "q=python" in href


def test_nonsense_gets_no_suggestion_and_the_empty_state(client, learner, courses):
    client.force_login(learner)
    html = client.get("/courses/?q=zzqxv").content.decode()
    assert "Did you mean" not in html and "Try fewer words" in html


def test_a_correct_search_is_left_alone(client, learner, courses):
    client.force_login(learner)
    response = client.get("/courses/?q=negotiation")
    assert titles(response) == ["Negotiation"] and "Did you mean" not in response.content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the extensions exist on PostgreSQL only")
def test_the_migration_created_pg_trgm_and_unaccent():
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension WHERE extname IN ('pg_trgm', 'unaccent') ORDER BY extname")
        assert [row[0] for row in cursor.fetchall()] == ["pg_trgm", "unaccent"]


def test_the_sqlite_fallback_suggests_the_same_words(courses):
    """`make demo` runs SQLite (no pg_trgm): the words are compared in Python and give the same answer."""
    assert search.suggest("pyhton", vendor="sqlite") == "python"
    assert search.suggest("securite", vendor="sqlite") == "sécurité"
    assert search.suggest("zzqxv", vendor="sqlite") == ""
    if connection.vendor == "postgresql":
        assert search.suggest("pyhton") == "python" and search.suggest("securite") == "sécurité"

"""Catalogue search that forgives typos and missing accents.

Wagtail's full-text search runs first. When it finds nothing, each word of the query that no course
title or skill name contains is replaced by the closest word that one does ("pyhton" → "python",
"securite" → "sécurité"), and the corrected query runs instead; the page then offers "Did you mean …?".

Candidate words come from PostgreSQL's pg_trgm (trigram similarity, compared without accents through
unaccent; both extensions are created by migration courses 0009). SQLite (`make demo`) has neither:
there, the words of the live course titles and skill names are read and compared in Python. Both
paths pick the final word the same way (difflib's ratio, which also forgives swapped letters, where
trigrams are weak: "pyhton" shares only 3 of 11 trigrams with "python")."""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from django.db import connection

from guild.skills.models import Skill

from ..models.pages import CoursePage

SEARCH_RESULT_LIMIT = 500
MAX_TERMS = 6  # longer queries are sentences, not typos
CLOSE_ENOUGH = 0.72  # difflib ratio: "pyhton"/"python" 0.83, "secruity"/"security" 0.88, "sql"/"sel" 0.67
TRIGRAM_FLOOR = 0.2  # pg_trgm similarity for a word to be a candidate at all


@dataclass
class SearchOutcome:
    ids: list = field(default_factory=list)  # matching course ids, best first
    suggestion: str = ""  # the corrected query, when the one typed found nothing and this one did


def fold(text):
    """Lower case without accents: "Sécurité" → "securite"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def terms_of(text):
    return re.findall(r"\w+", text.casefold())


def search_courses(courses, q):
    """Course ids of `courses` (a queryset of live courses, already filtered) matching `q`."""
    ids = full_text_ids(courses, q)
    if ids:
        return SearchOutcome(ids=ids)
    corrected = suggest(q)
    if corrected:
        ids = full_text_ids(courses, corrected)
        if ids:
            return SearchOutcome(ids=ids, suggestion=corrected)
    return SearchOutcome()


def full_text_ids(courses, q):
    return [page.pk for page in courses.only("id").search(q)[:SEARCH_RESULT_LIMIT]]


def suggest(q, *, vendor=None):
    """The query with each unknown word replaced by the nearest known one, or "" if nothing changes.
    `vendor` forces a path (tests run the SQLite fallback on PostgreSQL too)."""
    terms = terms_of(q)[:MAX_TERMS]
    if not terms:
        return ""
    vendor = vendor or connection.vendor
    candidates = _trigram_candidates(terms) if vendor == "postgresql" else _vocabulary()
    by_fold = {}
    for word in candidates:
        by_fold.setdefault(fold(word), word)
    corrected = [_closest(term, by_fold) for term in terms]
    return " ".join(corrected) if corrected != terms else ""


def _closest(term, by_fold):
    folded = fold(term)
    if folded in by_fold:  # a known word, maybe typed without its accents
        return by_fold[folded]
    if len(folded) < 3:
        return term
    best = max(by_fold, key=lambda w: difflib.SequenceMatcher(None, folded, w).ratio(), default=None)
    if best and difflib.SequenceMatcher(None, folded, best).ratio() >= CLOSE_ENOUGH:
        return by_fold[best]
    return term


def _trigram_candidates(terms):
    """Words of live course titles and skill names whose trigrams resemble one of the terms (without
    accents), in one query."""
    page_table = CoursePage._meta.get_parent_list()[-1]._meta.db_table  # wagtailcore_page
    course_table = CoursePage._meta.db_table
    skill_table = Skill._meta.db_table
    sql = f"""
        WITH words AS (
            SELECT DISTINCT w AS word FROM (
                SELECT regexp_split_to_table(lower(p.title), '[\\s[:punct:]]+') AS w
                FROM {page_table} p JOIN {course_table} c ON c.page_ptr_id = p.id WHERE p.live
                UNION ALL
                SELECT regexp_split_to_table(lower(s.name), '[\\s[:punct:]]+') FROM {skill_table} s
            ) split WHERE length(w) > 1
        )
        SELECT DISTINCT word FROM words, unnest(%s::text[]) AS term
        WHERE similarity(unaccent(word), unaccent(term)) > %s
    """  # noqa: S608 - table names come from the models, the terms are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [[fold(t) for t in terms], TRIGRAM_FLOOR])
        return [row[0] for row in cursor.fetchall()]


def _vocabulary():
    """Every word of the live course titles and the skill names (SQLite: no pg_trgm to narrow them)."""
    words = set()
    for text in [*CoursePage.objects.live().values_list("title", flat=True), *Skill.objects.values_list("name", flat=True)]:
        words.update(w for w in terms_of(text) if len(w) > 1)
    return sorted(words)

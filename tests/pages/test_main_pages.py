"""The main pages of every role, on one seeded organisation (conftest.py):

- in French, no English string of Guild's catalogue shows (issue 20, item 7);
- axe-core finds no serious or critical violation, in both languages, on a desktop and on a phone
  (issue 20, item 8).
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest

from tests.pages.conftest import session_cookie
from tests.pages.pages import PAGES, path_of
from tests.support.axe import serious_problems

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "fr" / "LC_MESSAGES" / "django.po"

FRENCH_PAGES = [
    "/", "/courses/", "course", "lesson", "/learning/", "/learning/paths/", "/rewards/", "/rewards/leaderboards/",
    "/notifications/", "/notifications/preferences/", "/me/", "/team/", "/governance/", "/governance/summary/",
    "/governance/kpis/", "/needs/", "/sme/", "/experts/", "/reviews/", "/automation/rules/", "/cms/",
]


class VisibleText(HTMLParser):
    """The text a person reads or hears: text nodes, plus labels carried by attributes."""

    SKIP = {"script", "style", "template", "noscript"}
    SPOKEN = ("aria-label", "title", "alt", "placeholder")

    def __init__(self):
        super().__init__()
        self.parts, self._skipping = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skipping += 1
        for name, value in attrs:
            if name in self.SPOKEN and value:
                self.parts.append(value)
        if tag == "input" and dict(attrs).get("type") in ("submit", "button") and dict(attrs).get("value"):
            self.parts.append(dict(attrs)["value"])

    def handle_endtag(self, tag):
        if tag in self.SKIP and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def stored_text(user):
    """Text people or past events wrote into the database, which the page shows as it was written: the
    demo's content is English (titles, names, units), and so are ledger lines written before this
    person chose French. Not Guild's UI, so not the catalogue's business. Notices are not in this list:
    they are written in their recipient's language (notify()), so Guild's words in them must be French;
    only the words people wrote in them (a kudos message, a review comment) are theirs."""
    from wagtail.models import Page

    from governance.models import Committee, KPIDefinition
    from rewards.models import Kudos, RewardLedgerEntry

    texts = set(Page.objects.values_list("title", flat=True))
    texts |= set(Committee.objects.values_list("name", flat=True))
    for name, unit in KPIDefinition.objects.values_list("name", "unit"):
        texts |= {name, unit}
    texts |= set(Kudos.objects.filter(recipient=user).values_list("message", flat=True))
    texts |= set(RewardLedgerEntry.objects.filter(person=user).values_list("description", flat=True))
    return sorted((re.sub(r"\s+", " ", t).strip() for t in texts if t and t.strip()), key=len, reverse=True)


def without(text, stored):
    for piece in stored:
        text = text.replace(piece, " ")
    return text


def english_phrases():
    """Guild's English UI phrases of three words or more (the parts between placeholders), each with
    the msgid it comes from; phrases the French translation keeps as they are are left out."""
    phrases = {}
    for entry in polib.pofile(str(CATALOGUE)):
        if "<" in entry.msgid or entry.obsolete:
            continue
        french = " ".join([entry.msgstr, *entry.msgstr_plural.values()])
        for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
            for piece in re.split(r"%\(\w+\)[sd]|%[sd]|%%", msgid):
                piece = re.sub(r"\s+", " ", piece).strip(" .,:;·—()“”")
                if len(piece.split()) >= 3 and piece not in french:
                    phrases.setdefault(piece, entry.msgid)
    return phrases


@pytest.mark.django_db
def test_no_english_string_shows_on_the_main_pages_in_french(site):
    from django.test import Client

    camille = site["users"]["french"]
    assert camille.language == "fr"
    client = Client()
    client.force_login(camille)
    phrases = english_phrases()
    stored = stored_text(camille)
    assert len(phrases) > 500  # the check has something to find
    leaks, pages = [], {}
    for name in FRENCH_PAGES:
        path = site[f"{name}_url"] if name in ("course", "lesson") else name
        response = client.get(path)
        assert response.status_code == 200, f"{path} answered {response.status_code}"
        assert response.headers.get("Content-Language") == "fr", path
        text = without(visible_text(response.content.decode()), stored)
        pages[path] = text
        leaks += [f"{path}: {phrase!r} (msgid {msgid!r})" for phrase, msgid in phrases.items() if phrase in text]
    # Signed out, the language cookie (the footer's switcher) decides; allauth's own strings are French.
    anonymous = Client()
    anonymous.cookies["django_language"] = "fr"
    text = without(visible_text(anonymous.get("/accounts/login/").content.decode()), stored)
    leaks += [f"/accounts/login/: {phrase!r} (msgid {msgid!r})" for phrase, msgid in phrases.items() if phrase in text]
    assert not leaks, "English shows on French pages:\n" + "\n".join(leaks)
    assert "Connexion" in text and "Mot de passe" in text  # allauth's French
    assert "Tableau de bord" in pages["/cms/"]  # Wagtail's French


# --- Accessibility: axe-core (bundled in axe-playwright-python, nothing fetched) ---------------------

VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
# Every page in both languages at both sizes: a fault may show only in one language on one size (a
# longer French label that a phone's layout squeezes, a desktop-only menu in English).
RUNS = [(language, size) for language in ("en", "fr") for size in VIEWPORTS]
@pytest.mark.browser
@pytest.mark.django_db
@pytest.mark.parametrize(("language", "size"), RUNS, ids=[f"{lang}-{size}" for lang, size in RUNS])
def test_axe_finds_no_serious_or_critical_violation(site, browser, language, size):
    from django.conf import settings

    problems, audited = [], 0
    by_role = {}
    for page in PAGES:
        by_role.setdefault(page[0], []).append(page)
    for role, pages in by_role.items():
        context = browser.new_context(base_url=site["url"], bypass_csp=True, **VIEWPORTS[size])
        context.set_default_timeout(20_000)
        cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": site["url"]}]
        if role != "anon":
            cookies.append(session_cookie(site["users"][role], site["url"]))
        context.add_cookies(cookies)
        tab = context.new_page()
        try:
            for page in pages:
                path = path_of(page, site)
                response = tab.goto(path, wait_until="load")
                assert response.status < 400, f"{role} {path} answered {response.status}"
                assert tab.evaluate("document.documentElement.lang").startswith(language), path
                problems += [f"{page[2]} ({path}, {role}): {p}" for p in serious_problems(tab)]
                audited += 1
        finally:
            context.close()
    assert audited == len(PAGES)
    assert not problems, f"{len(problems)} serious or critical accessibility problems ({language}, {size}):\n" + "\n".join(
        problems
    )

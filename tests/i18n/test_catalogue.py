"""French stays complete: `makemessages` run over today's code leaves no string untranslated or fuzzy,
and the committed .mo (what the running site reads) says what the .po says.

When this fails after you added strings: run the makemessages command of docs/i18n.md, translate the
listed msgids in locale/fr/LC_MESSAGES/django.po, then compilemessages, and commit both files."""

import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "fr" / "LC_MESSAGES"
# The folders docs/i18n.md tells makemessages to skip, and locale/ (the test writes only to a copy).
IGNORE = [".venv", "var", ".tools", "node_modules", "tests", "locale"]


def _where(entry):
    return ", ".join(f"{path}:{line}" for path, line in entry.occurrences[:3]) or "?"


@pytest.fixture(scope="module")
def fresh_po(tmp_path_factory):
    """The French catalogue as makemessages would leave it for the code as it is now. makemessages
    writes into any locale/ folder under the tree it walks, so it walks a tree of links to the
    project's folders (all but locale/) whose only catalogue is a copy."""
    if not shutil.which("xgettext"):
        pytest.fail("gettext is not installed (apt-get install gettext): makemessages needs xgettext")
    tree = tmp_path_factory.mktemp("tree")
    for item in ROOT.iterdir():
        if item.name not in IGNORE and not item.name.startswith("."):
            (tree / item.name).symlink_to(item)
    (tree / "locale" / "fr" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(CATALOGUE / "django.po", tree / "locale" / "fr" / "LC_MESSAGES" / "django.po")
    cwd = Path.cwd()
    try:
        os.chdir(tree)
        with override_settings(LOCALE_PATHS=[str(tree / "locale")]):
            call_command(
                "makemessages", locale=["fr"], ignore_patterns=IGNORE, no_obsolete=True, symlinks=True, verbosity=0
            )
    finally:
        os.chdir(cwd)
    return tree / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def test_every_string_of_the_code_has_a_french_translation(fresh_po):
    po = polib.pofile(str(fresh_po))
    missing = [e for e in po if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]
    assert not missing, (
        f"{len(missing)} string(s) have no (or only a fuzzy) French translation. Run makemessages "
        "(docs/i18n.md), translate them in locale/fr/LC_MESSAGES/django.po, then compilemessages:\n"
        + "\n".join(f"  {e.msgid!r}{' (fuzzy)' if 'fuzzy' in e.flags else ''}  at {_where(e)}" for e in missing)
    )


def test_the_committed_catalogue_has_no_string_the_code_no_longer_uses(fresh_po):
    fresh = {(e.msgctxt, e.msgid) for e in polib.pofile(str(fresh_po)) if not e.obsolete}
    committed = polib.pofile(str(CATALOGUE / "django.po"))
    stale = [e.msgid for e in committed if not e.obsolete and (e.msgctxt, e.msgid) not in fresh]
    assert not stale, "Run makemessages (docs/i18n.md) to drop these from django.po:\n" + "\n".join(
        f"  {m!r}" for m in stale
    )


def test_translations_keep_their_placeholders():
    """msgfmt refuses a translation whose %(name)s placeholders differ from the English."""
    if not shutil.which("msgfmt"):
        pytest.fail("gettext is not installed (apt-get install gettext)")
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(CATALOGUE / "django.po")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_the_compiled_catalogue_matches_the_po_file():
    """The site reads django.mo; it must not lag behind django.po (run compilemessages and commit it)."""
    po = polib.pofile(str(CATALOGUE / "django.po"))
    mo = {(e.msgctxt, e.msgid): e for e in polib.mofile(str(CATALOGUE / "django.mo"))}
    stale = []
    for e in po.translated_entries():
        compiled = mo.get((e.msgctxt, e.msgid))
        wanted = e.msgstr_plural if e.msgid_plural else e.msgstr
        got = None if compiled is None else (compiled.msgstr_plural if e.msgid_plural else compiled.msgstr)
        if e.msgid_plural and got is not None:
            got = {int(k): v for k, v in got.items()}
            wanted = {int(k): v for k, v in wanted.items()}
        if got != wanted:
            stale.append(e.msgid)
    assert not stale, "django.mo is older than django.po: run compilemessages. Differs for:\n" + "\n".join(
        f"  {m!r}" for m in stale[:20]
    )

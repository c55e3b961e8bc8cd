"""Dates follow the reader's language (Django's locale formats, platform/guild/formats/), and status
marks are Guild's SVG icons, not characters a font may lack. Issue 20, item 6."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NAMED_FORMATS = {"DATE_FORMAT", "SHORT_DATE_FORMAT", "DATETIME_FORMAT", "SHORT_DATETIME_FORMAT", "TIME_FORMAT",
                 "MONTH_DAY_FORMAT", "YEAR_MONTH_FORMAT"}
MACHINE_FORMATS = {"c", "U", "Y-m-d", "Y-m"}  # for datetime= attributes and query strings, not for reading
SKIP = {".venv", ".tools", "var", "node_modules", "tests"}


def templates():
    for path in ROOT.rglob("*.html"):
        if not SKIP.intersection(path.relative_to(ROOT).parts):
            yield path


def test_no_template_writes_a_literal_date_format():
    literal = []
    for path in templates():
        for n, line in enumerate(path.read_text().splitlines(), 1):
            for fmt in re.findall(r"""\|date:["']([^"']*)["']""", line):
                if fmt not in NAMED_FORMATS | MACHINE_FORMATS:
                    literal.append(f"{path.relative_to(ROOT)}:{n}: |date:{fmt!r}")
    assert not literal, "Use a locale format (DATE_FORMAT, SHORT_DATETIME_FORMAT…) instead:\n" + "\n".join(literal)


def test_status_marks_are_svg_icons_not_characters():
    marks = [f"{p.relative_to(ROOT)}:{n}" for p in templates()
             for n, line in enumerate(p.read_text().splitlines(), 1) if re.search("[✓✔✗✘⚠👍💡]", line)]
    assert not marks, "Use {% icon %} (guild_ui) beside the text instead of:\n" + "\n".join(marks)

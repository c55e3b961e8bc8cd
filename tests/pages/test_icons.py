"""Guild's icons are Lucide's (npm `lucide-static`, vendored in platform/guild/core/icons/ by
`make icons`): every icon a template names exists, so a typo fails here rather than on a page, and
the tag's SVG is hidden from screen readers unless it is given a label. Issue 20."""

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.template import Context, Template, TemplateSyntaxError

from courses.selectors.social import REACTIONS
from guild.core.templatetags.guild_ui import ICON_DIR, ICONS

ROOT = Path(__file__).resolve().parents[2]
SKIP = {".venv", ".tools", "var", "node_modules", "tests"}
# A name given as a variable, and every name it can hold.
ICON_VARIABLES = {"r.icon": {icon for _kind, icon in REACTIONS}}


def guild_icon_uses():
    """(where, first argument) of each `{% icon %}` in a template that loads guild_ui (Wagtail's admin
    templates have an `{% icon name=… %}` of their own)."""
    for path in ROOT.rglob("*.html"):
        if SKIP.intersection(path.relative_to(ROOT).parts):
            continue
        text = path.read_text()
        if not re.search(r"{%\s*load\b[^%]*\bguild_ui\b", text):
            continue
        for n, line in enumerate(text.splitlines(), 1):
            for argument in re.findall(r"{%\s*icon\s+(\S+)", line):
                yield f"{path.relative_to(ROOT)}:{n}", argument


def render(source, **context):
    return Template("{% load i18n guild_ui %}" + source).render(Context(context))


def svg(markup):
    return ElementTree.fromstring(markup)  # noqa: S314 - Guild's own markup and vendored files


def shapes(drawing):
    """The drawing's elements without the XML namespace (Lucide's files declare it; inline SVG needs none)."""
    return [(element.tag.rpartition("}")[2], element.attrib) for element in drawing]


def test_every_icon_a_template_names_is_a_lucide_icon_guild_vendors():
    unknown, names = [], set()
    for where, argument in guild_icon_uses():
        if argument[0] in "\"'":
            used = {argument.strip("\"'")}
        elif argument in ICON_VARIABLES:
            used = ICON_VARIABLES[argument]
        else:
            unknown.append(f"{where}: {{% icon {argument} %}} (add the names it can hold to ICON_VARIABLES)")
            continue
        names |= used
        unknown += [f"{where}: {{% icon {name!r} %}}" for name in sorted(used - set(ICONS))]
    assert not unknown, "Not one of guild_ui.ICONS:\n" + "\n".join(unknown)
    assert {"check", "cross", "alert", "lock", "star", "thumbs-up"} <= names  # the scan found the templates
    for name in names:
        drawing = svg(render("{% icon name %}", name=name))
        assert drawing.get("viewBox") == "0 0 24 24" and len(drawing) > 0, name


def test_each_icon_is_lucides_file_copied_with_its_licence():
    licence = (ICON_DIR / "LICENSE").read_text()
    assert "ISC License" in licence and "Lucide" in licence
    for name, lucide in ICONS.items():
        original = (ICON_DIR / f"{lucide}.svg").read_text()
        assert original.startswith("<!-- @license lucide-static v"), lucide
        drawn = svg(render("{% icon name %}", name=name))
        source = svg(original[original.index("<svg"):])
        assert shapes(drawn) == shapes(source), name
        # Lucide's strokes in the text colour, so the icon takes the colour of the status beside it.
        assert (drawn.get("fill"), drawn.get("stroke"), drawn.get("stroke-width")) == ("none", "currentColor", "2")
    assert {p.stem for p in ICON_DIR.glob("*.svg")} == set(ICONS.values()), "make icons vendors only what Guild uses"


def test_a_decorative_icon_is_hidden_from_screen_readers_at_guilds_sizes():
    icon = svg(render('{% icon "check" %}'))
    assert icon.get("aria-hidden") == "true" and icon.get("role") is None and icon.get("aria-label") is None
    assert icon.get("focusable") == "false"
    assert icon.get("class") == "icon icon--check"
    assert (icon.get("width"), icon.get("height")) == ("16", "16")
    star = svg(render('{% icon "star" 28 %}'))
    assert (star.get("width"), star.get("height")) == ("28", "28")


def test_a_labelled_icon_is_an_image_with_that_name():
    icon = svg(render('{% icon "lock" label=_("Locked") %}'))
    assert icon.get("role") == "img" and icon.get("aria-label") == "Locked"
    assert icon.get("aria-hidden") is None
    escaped = render("{% icon 'alert' label=text %}", text='"><script>x</script>')
    assert "<script>" not in escaped
    assert svg(escaped).get("aria-label") == '"><script>x</script>'


def test_a_misspelt_icon_is_refused_with_the_names_there_are():
    with pytest.raises(TemplateSyntaxError, match=r"unknown icon 'chek'; Guild's icons are: alert, check"):
        render('{% icon "chek" %}')

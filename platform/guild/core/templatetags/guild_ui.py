"""Small presentation helpers every Guild template may load: `{% icon %}` and `|quoted`.

Icons are Lucide's (npm `lucide-static`, ISC), vendored in guild/core/icons/ by `make icons`:
inline SVG stroked with the text colour, so they render on every device without an emoji font or
anything fetched. An icon is decorative (aria-hidden) unless given a label: then it is an image
with that name, for an icon that carries meaning no text beside it gives."""

import re
from functools import cache
from pathlib import Path

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()

ICON_DIR = Path(__file__).resolve().parent.parent / "icons"

# Guild's icon name (what templates write) -> the Lucide icon drawn for it. `make icons` copies
# exactly these files from the npm package, so adding an icon is a line here and `make icons`.
ICONS = {
    "check": "check",
    "cross": "x",
    "alert": "triangle-alert",
    "thumbs-up": "thumbs-up",
    "lightbulb": "lightbulb",
    "star": "star",
    "play": "play",
    "lock": "lock",
    "circle": "circle",
}

SVG_CONTENT = re.compile(r"<svg\b[^>]*>(.*)</svg>", re.DOTALL)


@cache
def icon_markup(lucide_name):
    """The elements inside a vendored Lucide SVG (its 24×24 drawing), read from disk once."""
    text = (ICON_DIR / f"{lucide_name}.svg").read_text(encoding="utf-8")
    return re.sub(r">\s+<", "><", SVG_CONTENT.search(text).group(1).strip())


@register.simple_tag
def icon(name, size=16, label=None):
    """`{% icon "check" %}`: a decorative inline SVG icon; `{% icon "lock" label=_("Locked") %}`: one
    that screen readers announce, for an icon with no text beside it saying the same."""
    if name not in ICONS:
        raise template.TemplateSyntaxError(f"unknown icon {name!r}; Guild's icons are: {', '.join(sorted(ICONS))}")
    a11y = format_html('role="img" aria-label="{}"', label) if label else mark_safe('aria-hidden="true"')
    return format_html(
        '<svg class="icon icon--{}" width="{}" height="{}" viewBox="0 0 24 24" fill="none" stroke="currentColor" '
        'stroke-width="2" stroke-linecap="round" stroke-linejoin="round" {} focusable="false">{}</svg>',
        name, size, size, a11y, mark_safe(icon_markup(ICONS[name])),  # noqa: S308 - vendored Lucide files
    )


OPENING_QUOTES = "“‘\"'«„‚「"


@register.filter
def quoted(text):
    """Text between curly quotes, unless it is already quoted (so “““Thoughts?”” never shows)."""
    text = str(text).strip()
    if text[:1] in OPENING_QUOTES:
        return text
    return f"“{text}”"


BLANK_CHOICE = "---------"  # Django's placeholder for "no choice"


@register.filter
def with_choice_placeholder(bound_field):
    """A select's empty choice says what it means ("Choose…", or "None" when the field may stay
    empty) instead of Django's "---------". Changes only this form instance's field."""
    field = bound_field.field
    label = _("Choose…") if field.required else _("None")
    if getattr(field, "empty_label", None) == BLANK_CHOICE:
        field.empty_label = label
    elif hasattr(field, "choices") and not hasattr(field, "queryset"):
        choices = list(field.choices)
        if any(text == BLANK_CHOICE for _value, text in choices):
            field.choices = [(value, label if text == BLANK_CHOICE else text) for value, text in choices]
    return bound_field

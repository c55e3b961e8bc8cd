"""Small presentation helpers every Guild template may load: `{% icon %}` and `|quoted`.

Icons are inline SVG drawn for Guild (24×24, stroked with the text colour), so they render
on every device without an emoji font or anything fetched. Each is decorative (aria-hidden):
the text beside it carries the meaning."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()

# name -> the SVG elements inside a 24×24 viewBox (stroke only).
ICONS = {
    "check": '<path d="M4 12.5l5 5L20 6.5"/>',
    "cross": '<path d="M6 6l12 12M18 6L6 18"/>',
    "alert": '<path d="M12 3.5L2.5 20h19L12 3.5z"/><path d="M12 10v4.5"/><path d="M12 17.5v.01"/>',
    "thumbs-up": '<path d="M7 10v10H3.5V10H7z"/><path d="M7 10l3.8-6.5c1.6 0 2.5 1.1 2.2 2.6L12.4 9.5H19a2 2 0 0 1 2 '
                 '2.3l-1.2 6.6a2 2 0 0 1-2 1.6H7"/>',
    "lightbulb": '<path d="M9.5 18h5M10.5 21h3"/><path d="M12 3a6 6 0 0 0-3.6 10.8c.7.5 1.1 1.3 1.1 2.1V16h5v-.1c0-.8.4'
                 '-1.6 1.1-2.1A6 6 0 0 0 12 3z"/>',
    "star": '<path d="M12 3.2l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17.2l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9L12 3.2z"/>',
    "play": '<path d="M7 4.5v15l12-7.5-12-7.5z"/>',
    "lock": '<rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V7.5a4 4 0 0 1 8 0V11"/>',
    "circle": '<circle cx="12" cy="12" r="8"/>',
}


@register.simple_tag
def icon(name, size=16):
    """`{% icon "check" %}`: an inline, decorative SVG icon of Guild's set."""
    if name not in ICONS:
        raise template.TemplateSyntaxError(f"unknown icon {name!r}; Guild's icons are: {', '.join(sorted(ICONS))}")
    return format_html(
        '<svg class="icon icon--{}" width="{}" height="{}" viewBox="0 0 24 24" aria-hidden="true" focusable="false">{}</svg>',
        name, size, size, mark_safe(ICONS[name]),  # noqa: S308 - our own constant markup
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

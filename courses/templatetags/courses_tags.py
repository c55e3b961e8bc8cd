import re
import zlib

import nh3
from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# Rich text comes from Wagtail's editor (already whitelisted) but also from imports and the API:
# clean it again on the way out so no stored script can ever run.
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "width", "height"}, "*": {"class"}}


@register.filter
def sanitise(html):
    # Safe: nh3 has just removed every script, handler and unknown tag.
    return mark_safe(nh3.clean(str(html), attributes=ALLOWED_ATTRIBUTES, link_rel="noopener noreferrer"))  # noqa: S308


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


# Two tones per cover, dark enough for white initials (contrast ≥ 4.5:1 whatever the pair).
COVER_TONES = [("#1f5f8b", "#17466a"), ("#1e6b3a", "#14532b"), ("#7a3b8f", "#5a2a6b"), ("#a0441b", "#7a3414"),
               ("#2d5d6e", "#1f4350"), ("#5b4a9e", "#43367a"), ("#8a3a5a", "#6a2b45"), ("#3d5a1e", "#2c4215")]


@register.simple_tag
def cover_placeholder(course):
    """A drawn cover for a course without an image: its initials on two tones chosen from its title
    (the same course always gets the same cover), with a few circles. Inline SVG: no remote asset."""
    title = str(course.title)
    seed = zlib.crc32(title.encode())
    light, dark = COVER_TONES[seed % len(COVER_TONES)]
    initials = "".join(w[0] for w in re.findall(r"\w+", title)[:2]).upper() or "·"
    cx, cy, r = 420 + seed % 180, 40 + (seed >> 8) % 220, 90 + (seed >> 16) % 90
    return format_html(
        '<svg class="course-card__cover course-card__cover--drawn" viewBox="0 0 640 320" aria-hidden="true" '
        'focusable="false" preserveAspectRatio="xMidYMid slice"><rect width="640" height="320" fill="{}"/>'
        '<circle cx="{}" cy="{}" r="{}" fill="{}"/><circle cx="{}" cy="{}" r="{}" fill="none" stroke="#ffffff" '
        'stroke-opacity=".25" stroke-width="10"/><text x="40" y="270" fill="#ffffff" font-size="120" '
        'font-weight="700" font-family="system-ui, sans-serif">{}</text></svg>',
        light, cx, cy, r, dark, 640 - cx, 320 - cy, r // 2, initials,
    )

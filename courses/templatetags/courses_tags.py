import nh3
from django import template
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

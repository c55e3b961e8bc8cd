from django import template

from rewards import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def rewards_showcase_for(context, person):
    """{% rewards_showcase_for person as showcase %}: what rewards/_showcase.html shows (five queries)."""
    request = context.get("request")
    viewer = getattr(request, "user", None)
    return selectors.showcase(person=person, viewer=viewer if viewer and viewer.is_authenticated else None)

from django import template

from guild.people.roles import Role

register = template.Library()


@register.filter
def can_drill_readiness(user, linked=False):
    """Heatmap cells link to people for L&D admins (an executive reads the figures, not the names), or
    where the heatmap shows only the viewer's own teams (`linked`: a manager's home panel)."""
    return bool(linked) or bool(user and user.is_authenticated and user.has_role(Role.LD_ADMIN))

"""Which people's records a caller of the API sees: what they see in the UI. L&D admins see
everyone's; a manager sees their own and their teams' people (sub-teams included); anyone else
sees their own."""

from django.db.models import Q

from .roles import Role
from .selectors import teams_managed_by


def people_visible_q(user, field) -> Q | None:
    """A filter on `field` (a path to a person) for `user`; None when they see everyone."""
    if user.has_role(Role.LD_ADMIN):
        return None
    query = Q(**{field: user})
    if user.has_role(Role.MANAGER):
        query |= Q(**{f"{field}__team__in": teams_managed_by(user=user), f"{field}__is_active": True})
    return query


def visible_to(queryset, user, field):
    query = people_visible_q(user, field)
    return queryset if query is None else queryset.filter(query)

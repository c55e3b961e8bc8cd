"""Named discussion spaces that belong to other apps (sme's authors' community is one).

Courses cannot import those apps, so each registers its space at start-up, in its AppConfig.ready():

    discussion_spaces.register("authors", can_take_part=lambda user: user.has_role(...),
                               members=lambda: User.objects.filter(...))

A thread in a space nobody registered is open to no one."""

from collections.abc import Callable

_rules: dict[str, Callable] = {}
_members: dict[str, Callable] = {}


def register(space_slug: str, *, can_take_part: Callable, members: Callable | None = None) -> None:
    """`can_take_part(user) -> bool` decides who may read and post in the space's threads.
    `members() -> QuerySet of users` (optional) narrows the @mention search to the people who may
    take part, so that a name shared by many others still finds the space's members."""
    _rules[space_slug] = can_take_part
    if members is not None:
        _members[space_slug] = members


def can_take_part(*, space: str, user) -> bool:
    rule = _rules.get(space)
    return bool(rule and rule(user))


def members(*, space: str):
    """The registered queryset of the space's people, or None when the space gave none."""
    found = _members.get(space)
    return found() if found else None

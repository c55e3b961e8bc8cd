"""Named discussion spaces that belong to other apps (sme's authors' community is one).

Courses cannot import those apps, so each registers its space at start-up, in its AppConfig.ready():

    discussion_spaces.register("authors", can_take_part=lambda user: user.has_role(...))

A thread in a space nobody registered is open to no one."""

from collections.abc import Callable

_rules: dict[str, Callable] = {}


def register(space_slug: str, *, can_take_part: Callable) -> None:
    """`can_take_part(user) -> bool` decides who may read and post in the space's threads."""
    _rules[space_slug] = can_take_part


def can_take_part(*, space: str, user) -> bool:
    rule = _rules.get(space)
    return bool(rule and rule(user))

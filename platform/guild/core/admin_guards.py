"""Rules that features apply to every request in Wagtail's admin, before its view runs.

Wagtail checks permissions view by view. A rule that spans views (an expert never sees another
author's draft, whichever screen names it) is registered here once instead of overriding each
view; AdminGuardsMiddleware answers 404 when any guard refuses."""

from collections.abc import Callable

from django.urls import ResolverMatch

Guard = Callable[[object, ResolverMatch], bool]
_guards: list[Guard] = []


def register(guard: Guard) -> Guard:
    """Decorator: `guard(request, resolver_match)` returns True to refuse the request."""
    if guard not in _guards:
        _guards.append(guard)
    return guard


def refuses(request, match: ResolverMatch) -> bool:
    return any(guard(request, match) for guard in _guards)

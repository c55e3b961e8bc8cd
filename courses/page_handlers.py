"""The late binding between the page models and what they show and record when served.

The models call `handler(name)`; CoursesConfig.ready() installs the functions of
courses.page_views. The models so never import the selectors and services, which import them."""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

_handlers: dict[str, Callable] = {}


def install(**handlers: Callable) -> None:
    _handlers.update(handlers)


def handler(name: str) -> Callable:
    try:
        return _handlers[name]
    except KeyError:
        raise ImproperlyConfigured(f"courses.page_handlers: {name!r} is not installed (CoursesConfig.ready does it).") from None

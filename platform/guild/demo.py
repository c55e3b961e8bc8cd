"""The demo organisation is built in steps that each app registers from its own demo.py, so the
platform runs them without naming a feature:

    from guild import demo

    @demo.step(order=20)
    def seed(stdout=None): ...

`manage.py seed_demo` imports every app's demo module and runs the steps by ascending order.
Every step is idempotent: running the demo seed twice changes nothing."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class Step:
    name: str
    order: int
    run: Callable


_steps: dict[str, Step] = {}


def step(*, order: int):
    """Decorator: register `func(stdout=None)` as a demo step, named after its module (and the
    function, when it is not the module's `seed`)."""

    def decorator(func):
        name = func.__module__ if func.__name__ == "seed" else f"{func.__module__}.{func.__name__}"
        _steps[name] = Step(name=name, order=order, run=func)
        return func

    return decorator


def steps() -> list[Step]:
    autodiscover_modules("demo")
    return sorted(_steps.values(), key=lambda s: (s.order, s.name))

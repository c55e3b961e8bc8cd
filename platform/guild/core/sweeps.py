"""Sweeps: periodic, batched, idempotent jobs that features register with the platform.

The platform runs them (`guild.core.sweep_all`, on beat's schedule) without knowing what they
do, so that features plug in and the arrows run one way: a feature's `sweeps.py` module, found
by `autodiscover_modules("sweeps")` when the app registry is ready, registers its functions:

    from guild.core import sweeps

    @sweeps.register("courses.enrolment_reminders", order=20)
    def enrolment_reminders(*, now=None, batch_size=None, enqueue=True) -> dict: ...

Each sweep walks its rows in bounded batches, writes outbox rows under unique keys (so a sweep
that runs twice or dies half-way sends nothing twice), and returns a dict of counts."""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Sweep:
    name: str
    run: Callable[..., dict]
    order: int


class SweepRegistry:
    def __init__(self):
        self._sweeps: dict[str, Sweep] = {}

    def register(self, name: str, *, order: int = 100):
        """Decorator: register `func` under `name`. Run in ascending `order`, then by name."""

        def decorator(func):
            existing = self._sweeps.get(name)
            if existing is not None and existing.run is not func:
                raise ValueError(f"a sweep named {name!r} is already registered")
            self._sweeps[name] = Sweep(name=name, run=func, order=order)
            return func

        return decorator

    def all(self) -> list[Sweep]:
        return sorted(self._sweeps.values(), key=lambda s: (s.order, s.name))

    def get(self, name: str) -> Sweep:
        try:
            return self._sweeps[name]
        except KeyError:
            raise LookupError(f"no sweep named {name!r}; registered: {', '.join(self._sweeps) or 'none'}") from None


registry = SweepRegistry()
register = registry.register


def sweep_seconds() -> float:
    """How often beat runs every sweep. Every minute in development (the demo), every 15 in production."""
    return float(getattr(settings, "GUILD_REMINDER_SWEEP_SECONDS", 60 if settings.DEBUG else 900))


def batch_size() -> int:
    """Rows per batch for sweeps that do not set their own."""
    return int(getattr(settings, "GUILD_SWEEP_BATCH_SIZE", 500))

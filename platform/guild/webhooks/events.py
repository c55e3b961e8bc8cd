"""The event types a receiving system can subscribe to. Feature apps register theirs in their
own webhook_events.py (the platform knows no feature) and emit them with services.emit()."""

_EVENTS: dict[str, str] = {}


def register(name, *, label):
    _EVENTS[name] = label


def choices() -> list[tuple[str, str]]:
    return sorted(_EVENTS.items())


def known(name) -> bool:
    return name in _EVENTS

"""The kinds of message a person can receive, and how each is rendered.

Each app registers its kinds in its own `message_kinds.py`, imported at start-up; a kind's renderer
turns an outbox row's payload into a `Rendered` message in the recipient's language, at send
time. A kind without a renderer uses the payload's own title, body and url."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


@dataclass
class Rendered:
    title: str
    body: str = ""  # plain text, paragraphs separated by blank lines
    url: str = ""  # site-relative ("/courses/…"); made absolute only in emails
    action: str = ""  # the label of the link button
    # Emails only: groups of one-click links under a heading, [(heading, [(label, url), ...]), ...]
    # (e.g. a question and its answers); urls site-relative like `url`.
    link_groups: list = field(default_factory=list)
    # Emails only: files to attach, [(filename, content, mimetype), ...] (e.g. a calendar invite).
    attachments: list = field(default_factory=list)
    # Shown in the email of a mandatory message: why it cannot be turned off.
    mandatory_reason: str = ""


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    description: str = ""
    # False for kinds a person cannot turn off at all (none today; compliance is per message).
    optional: bool = True
    # callable(payload, recipient, context) -> Rendered, or None to send nothing (the row is skipped)
    render: object = field(default=None, compare=False)
    # The roles whose holders receive this kind (empty: anyone). The preferences page offers a
    # person only the kinds meant for one of their roles.
    roles: tuple = ()
    # For a kind that is not a message to a person (a webhook): callable(outbox row) -> Rendered
    # or None (skipped); it raises to have the row retried. Replaces the in-app notice and email.
    deliver: object = field(default=None, compare=False)
    # The payload holds one-time secrets (a password-reset link, a sign-in code): emptied once sent.
    secret: bool = False

    def is_for(self, user) -> bool:
        return not self.roles or user.has_role(*self.roles)


_KINDS: dict[str, Kind] = {}


def register(name, *, label, description="", optional=True, render=None, roles=(), deliver=None,
             secret=False) -> Kind:
    kind = Kind(name=name, label=label, description=description, optional=optional, render=render, roles=tuple(roles),
                deliver=deliver, secret=secret)
    _KINDS[name] = kind
    return kind


def get(name) -> Kind:
    return _KINDS.get(name) or Kind(name=name, label=name)


def all_kinds() -> list[Kind]:
    return sorted(_KINDS.values(), key=lambda k: k.name)


def render_generic(payload, recipient, context) -> Rendered:
    return Rendered(title=payload.get("title", ""), body=payload.get("body", ""), url=payload.get("url", ""))


MANDATORY_REASON = _(
    "This reminder is about a mandatory compliance course, so it cannot be turned off: "
    "your organisation must be able to show that everyone was told."
)

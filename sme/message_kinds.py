"""The messages sme sends through the outbox, and how each reads (rendered at send time)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from guild.notifications import kinds
from guild.notifications.conf import base_url
from guild.notifications.kinds import Rendered


def render_author_digest(p, recipient, cache):
    body = _(
        "Feedback on your courses in the last 7 days: %(useful)d found a lesson useful, %(outdated)d flagged "
        "something outdated, %(questions)d asked a question (%(unanswered)d questions wait for an answer), "
        "%(ratings)d rated a course (average %(average)s/5)."
    ) % p
    return Rendered(title=_("Your weekly feedback digest"), body=body, url=base_url() + "/", action=_("Open Guild"))


kinds.register(
    "digest.author", label=gettext_lazy("Weekly feedback digest"),
    description=gettext_lazy("For authors: reactions, questions and ratings on your courses."),
    render=render_author_digest,
)

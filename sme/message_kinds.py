"""The messages sme sends through the outbox, and how each reads (rendered at send time)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from guild.notifications import kinds
from guild.notifications.conf import base_url
from guild.notifications.kinds import Rendered
from guild.people.roles import Role


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
    render=render_author_digest, roles=(Role.EXPERT, Role.LD_ADMIN),  # L&D admins author courses too
)


def render_question_asked(p, recipient, cache):
    who = p.get("learner") or _("A learner")
    return Rendered(
        title=_("New question on “%(lesson)s”") % {"lesson": p["lesson_title"]},
        body=_("%(who)s asked about “%(lesson)s” in “%(course)s”:\n\n%(question)s")
        % {"who": who, "lesson": p["lesson_title"], "course": p["course_title"], "question": p["question"]},
        url=p["url"], action=_("Answer the question"),
    )


kinds.register(
    "question.asked", label=gettext_lazy("Learners' questions"),
    description=gettext_lazy("For authors: a learner asked a question on one of your lessons."),
    render=render_question_asked, roles=(Role.EXPERT, Role.LD_ADMIN),
)

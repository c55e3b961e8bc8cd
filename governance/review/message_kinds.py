"""The messages the review SLA sweep sends, and how each reads (rendered at send time)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from guild.notifications import kinds
from guild.notifications.conf import base_url
from guild.notifications.kinds import Rendered
from guild.people.roles import Role


def render_review(p, recipient, cache):
    if p.get("late"):
        title = _("Your review of “%(course)s” is late") % {"course": p["course_title"]}
    else:
        title = _("Your review of “%(course)s” is due soon") % {"course": p["course_title"]}
    return Rendered(
        title=title,
        body=_("Peer reviews keep courses moving: the authors wait for your decision. It was due on %(when)s.")
        % {"when": p["due_at"][:16].replace("T", " ") + " UTC"},
        url=base_url() + "/cms/", action=_("Review the course"),
    )


def render_review_escalation(p, recipient, cache):
    return Rendered(
        title=_("Review late by %(n)d days: %(course)s") % {"n": p["days_late"], "course": p["course_title"]},
        body=_("%(name)s has not reviewed “%(course)s”, due on %(when)s. Consider reassigning the review.")
        % {"name": p["reviewer_name"], "course": p["course_title"], "when": p["due_at"][:10]},
        url=base_url() + "/cms/", action=_("Open the review"),
    )


def render_signoff_late(p, recipient, cache):
    return Rendered(
        title=_("L&D sign-off is late: %(course)s") % {"course": p["course_title"]},
        body=_("“%(course)s” passed peer review and has waited for sign-off since before %(when)s. Its authors wait.")
        % {"course": p["course_title"], "when": p["due_at"][:10]},
        url=f"{base_url()}/cms/pages/{p['course']}/edit/", action=_("Sign it off"),
    )


kinds.register(
    "review.signoff_late", label=gettext_lazy("Late L&D sign-offs"),
    description=gettext_lazy("For L&D: a course that passed peer review still waits for sign-off."),
    render=render_signoff_late, roles=(Role.LD_ADMIN,),
)
kinds.register(
    "review.reminder", label=gettext_lazy("Review reminders"),
    description=gettext_lazy("For reviewers: a review is due soon or late."), render=render_review,
    roles=(Role.EXPERT, Role.REVIEWER),  # experts are asked to review too
)
kinds.register(
    "review.escalation", label=gettext_lazy("Late reviews"),
    description=gettext_lazy("For L&D: a peer review is well past its due date."), render=render_review_escalation,
    roles=(Role.LD_ADMIN,),
)

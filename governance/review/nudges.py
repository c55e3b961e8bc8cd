"""An author nudges a reviewer whose review is late, at most once a day per review.

"Once a day" is the notification's dedupe key (the assignment and the day), so two clicks, two
tabs or two co-authors on the same day send one nudge."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.permissions import course_author_ids
from guild.notifications.services import notify

from .models import ReviewDecision
from .services import ReviewError


def may_nudge(*, assignment, user, now=None) -> bool:
    now = now or timezone.now()
    return (
        user.pk in course_author_ids(assignment.course)
        and assignment.decision == ReviewDecision.PENDING
        and assignment.due_at < now
    )


def nudge_reviewer(*, assignment, by, now=None) -> bool:
    """Remind the reviewer from the author. Returns False when they were already nudged today."""
    now = now or timezone.now()
    if by.pk not in course_author_ids(assignment.course):
        raise ReviewError(_("Only the course's authors can nudge its reviewers."))
    if assignment.decision != ReviewDecision.PENDING:
        raise ReviewError(_("This review is no longer waiting."))
    if assignment.due_at >= now:
        raise ReviewError(_("This review is not late yet: it is due on %(due)s.")
                          % {"due": timezone.localdate(assignment.due_at).isoformat()})
    sent = notify(
        recipient=assignment.reviewer, kind="review.nudge",
        title=lambda: _("%(name)s is waiting for your review of “%(course)s”")
        % {"name": by.display_name, "course": assignment.course.title},
        body=lambda: _("It was due on %(due)s. Approve it or ask for changes when you can.")
        % {"due": timezone.localdate(assignment.due_at).isoformat()},
        url=reverse("sme:review:review", args=[assignment.pk]),
        dedupe_key=f"review.nudge:{assignment.pk}:{timezone.localdate(now).isoformat()}",
        email=True,
    )
    return sent is not None

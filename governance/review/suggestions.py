"""Authors suggest who should review their course, among the experts who may: people who share one
of its skills and do not write it, shown with how many reviews they already have open. A round
asks suggested reviewers right after the previous round's (`services.assign_reviewers`)."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from courses.permissions import course_author_ids

from .models import SuggestedReviewer
from .selectors import course_people_excluded_from_review
from .services import ReviewError, reviewer_pool

MAX_SUGGESTIONS = 5


def eligible_reviewers(*, course, limit=100):
    """Who the authors may suggest, least loaded first, each with `load` (open reviews). One query."""
    return list(reviewer_pool(course=course, excluded_ids=course_people_excluded_from_review(course=course))[:limit])


def suggestions_for(*, course):
    return list(SuggestedReviewer.objects.filter(course=course).select_related("reviewer"))


def _check_author(course, by):
    if by.pk not in course_author_ids(course):
        raise ReviewError(_("Only the course's authors can suggest its reviewers."))


@transaction.atomic
def suggest_reviewer(*, course, reviewer, by) -> SuggestedReviewer:
    _check_author(course, by)
    if not reviewer_pool(course=course, excluded_ids=course_people_excluded_from_review(course=course)).filter(
        pk=reviewer.pk
    ).exists():
        raise ReviewError(_("%(name)s cannot review this course: reviewers share one of its skills and do not write it.")
                          % {"name": reviewer.display_name})
    if SuggestedReviewer.objects.filter(course=course).count() >= MAX_SUGGESTIONS:
        raise ReviewError(_("Suggest at most %(n)d reviewers.") % {"n": MAX_SUGGESTIONS})
    try:
        with transaction.atomic():
            return SuggestedReviewer.objects.create(course=course, reviewer=reviewer, suggested_by=by)
    except IntegrityError as exc:
        raise ReviewError(_("%(name)s is already suggested.") % {"name": reviewer.display_name}) from exc


def withdraw_suggestion(*, course, reviewer, by) -> None:
    _check_author(course, by)
    SuggestedReviewer.objects.filter(course=course, reviewer=reviewer).delete()

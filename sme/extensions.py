"""What other apps add to the experts' pages, through Wagtail hooks (like guild_nav_items).

The peer review (governance.review) builds on sme, so sme never asks it directly: it registers
these hooks in its wagtail_hooks.py. Without it, the pages show no review data.

    @hooks.register(REVIEWS_ASSIGNED)
    def reviews_assigned(*, user, limit):
        return list(ReviewAssignment.objects.filter(reviewer=user, ...)[:limit])
"""

from wagtail import hooks

# fn(*, user, limit) -> the reviews waiting for `user`, soonest due first
REVIEWS_ASSIGNED = "sme_reviews_assigned"
# fn(*, user) -> how many reviews wait for `user`
REVIEWS_WAITING = "sme_reviews_waiting"
# fn(*, round_ids) -> {task state id: [its reviewers' assignments]} for courses in review
ROUND_REVIEWERS = "sme_round_reviewers"
# fn(*, round_ids) -> {task state id: where the review stands, in plain words} for courses in review
ROUND_STATUS = "sme_round_status"
# fn(*, user, limit) -> the live courses `user` reviewed
COURSES_REVIEWED = "sme_courses_reviewed"
# fn(*, user) -> a queryset of the ids of the courses `user` was asked to review, in any round
COURSES_IN_REVIEW_BY = "sme_courses_in_review_by"
# fn() -> URL patterns added to sme.urls (under the "sme" namespace)
URLS = "sme_urls"


def reviews_assigned(*, user, limit) -> list:
    return [a for hook in hooks.get_hooks(REVIEWS_ASSIGNED) for a in hook(user=user, limit=limit)][:limit]


def reviews_waiting(*, user) -> int:
    return sum(hook(user=user) for hook in hooks.get_hooks(REVIEWS_WAITING))


def round_reviewers(*, round_ids) -> dict:
    reviewers = {}
    for hook in hooks.get_hooks(ROUND_REVIEWERS):
        for round_id, assignments in hook(round_ids=round_ids).items():
            reviewers.setdefault(round_id, []).extend(assignments)
    return reviewers


def round_status(*, round_ids) -> dict:
    statuses = {}
    for hook in hooks.get_hooks(ROUND_STATUS):
        statuses.update(hook(round_ids=round_ids))
    return statuses


def courses_reviewed(*, user, limit) -> list:
    return [c for hook in hooks.get_hooks(COURSES_REVIEWED) for c in hook(user=user, limit=limit)][:limit]


def courses_in_review_by(*, user) -> list:
    """Querysets of course ids, one per hook: the admin shows a reviewer the courses they review."""
    return [hook(user=user) for hook in hooks.get_hooks(COURSES_IN_REVIEW_BY)]


def urlpatterns() -> list:
    return [pattern for hook in hooks.get_hooks(URLS) for pattern in hook()]

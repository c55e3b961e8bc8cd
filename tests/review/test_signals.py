"""Rewards and automation hear about reviews and publications, after commit."""

import pytest

from governance.review import services
from governance.review.signals import course_published, review_completed
from guild.notifications.models import Notification
from tests.support.courses import make_course
from tests.support.review import current_round, make_reviewer, submit_for_review

pytestmark = pytest.mark.django_db


def test_review_completed_and_course_published_are_sent_after_commit(catalogue, expert, django_capture_on_commit_callbacks):
    reviewers = [make_reviewer("SQL"), make_reviewer("SQL")]
    course = make_course("Signals", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(course, expert)
    round_ = current_round(course)
    heard = []
    review_completed.connect(lambda sender, **kw: heard.append(("review", kw["reviewer"], kw["decision"])), weak=False,
                             dispatch_uid="t1")
    course_published.connect(lambda sender, **kw: heard.append(("published", kw["course"].pk)), weak=False, dispatch_uid="t2")
    try:
        from governance.review.selectors import checklist_for

        with django_capture_on_commit_callbacks(execute=True):
            for r in reviewers:
                services.approve(task_state=round_, reviewer=r, checklist=range(len(checklist_for(course))))
    finally:
        review_completed.disconnect(dispatch_uid="t1")
        course_published.disconnect(dispatch_uid="t2")
    assert ("review", reviewers[0], "approved") in heard and ("review", reviewers[1], "approved") in heard
    assert ("published", course.pk) in heard
    kinds = set(Notification.objects.filter(recipient=expert).values_list("kind", flat=True))
    assert {"review.approved", "review.published"} <= kinds

"""Two reviewers approving at the same instant are both counted, once each (PostgreSQL, threads)."""

import threading

import pytest
from django.db import connection

from governance.review import services
from governance.review.models import ReviewAssignment, ReviewDecision
from tests.support.courses import make_catalogue, make_course
from tests.support.review import current_round, make_reviewer, submit_for_review


@pytest.mark.django_db(transaction=True)
def test_concurrent_approvals_by_two_reviewers_both_count_once_and_publish(settings, expert):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    settings.GUILD_REVIEW_LD_SIGNOFF = False
    make_catalogue()
    reviewers = [make_reviewer("SQL"), make_reviewer("SQL")]
    course = make_course("Race", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(course, expert)
    round_ = current_round(course)
    from governance.review.selectors import checklist_for

    checklist = list(range(len(checklist_for(course))))
    barrier = threading.Barrier(len(reviewers) * 2)
    results, errors = [], []

    def approve(reviewer):
        try:
            barrier.wait(timeout=10)
            results.append(services.approve(task_state=round_, reviewer=reviewer, checklist=checklist))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    # Each reviewer clicks twice at once too (a double submit).
    threads = [threading.Thread(target=approve, args=(r,)) for r in reviewers for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors, errors
    counted = sorted(r.approvals for r in results if not r.already_done)
    assert counted == [1, 2]
    assert ReviewAssignment.objects.filter(task_state=round_, decision=ReviewDecision.APPROVED).count() == 2
    course.refresh_from_db()
    assert course.live
    round_.refresh_from_db()
    assert round_.status == "approved"

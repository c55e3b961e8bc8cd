"""Reviewers earn points for each review they complete; the authors earn theirs when the review publishes the course."""

import pytest

from rewards.models import Reason, RewardLedgerEntry
from tests.support.courses import make_catalogue, make_course
from tests.support.review import current_round, make_reviewer, submit_for_review

pytestmark = pytest.mark.django_db


def test_each_completed_review_pays_its_reviewer_once_and_publication_pays_the_author(settings, expert, on_commit):
    from governance.review import services
    from governance.review.selectors import checklist_for

    settings.GUILD_REVIEW_LD_SIGNOFF = False
    make_catalogue()
    course = make_course("SQL joins", authors=[expert], skills=["SQL"], lessons=1, publish=False)
    reviewers = [make_reviewer("SQL"), make_reviewer("SQL")]
    submit_for_review(course, expert)
    round_ = current_round(course)
    everything = list(range(len(checklist_for(course))))

    for reviewer in reviewers:
        on_commit(services.approve, task_state=round_, reviewer=reviewer, checklist=everything)
    on_commit(services.approve, task_state=round_, reviewer=reviewers[0], checklist=everything)  # a double submit

    for reviewer in reviewers:
        assert RewardLedgerEntry.objects.filter(person=reviewer, reason=Reason.REVIEW_COMPLETED).count() == 1
    assert RewardLedgerEntry.objects.filter(person=expert, reason=Reason.COURSE_PUBLISHED).count() == 1

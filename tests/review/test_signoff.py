"""With L&D sign-off in the workflow, peer approval is not enough: L&D approves last."""

import pytest

from governance.review import services
from tests.support.courses import make_catalogue, make_course
from tests.support.review import current_round, make_reviewer, submit_for_review

pytestmark = pytest.mark.django_db


def test_the_course_is_published_only_after_ld_signs_off(settings, expert, ld_admin):
    settings.GUILD_REVIEW_LD_SIGNOFF = True
    make_catalogue()
    reviewers = [make_reviewer("SQL"), make_reviewer("SQL")]
    course = make_course("Views", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(course, expert)
    round_ = current_round(course)
    from governance.review.selectors import checklist_for

    for reviewer in reviewers:
        services.approve(task_state=round_, reviewer=reviewer, checklist=range(len(checklist_for(course))))
    course.refresh_from_db()
    assert not course.live
    task = course.current_workflow_task
    assert task.name == "L&D sign-off"
    assert task.get_actions(course, expert) == []
    task.on_action(course.current_workflow_task_state, ld_admin, "approve")
    course.refresh_from_db()
    assert course.live

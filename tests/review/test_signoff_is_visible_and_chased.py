"""The L&D sign-off step: off by default (a deliberate choice, docs/peer-review.md); when a
workflow has it, L&D and the authors are told, the workspace shows it and the SLA sweep chases it
(issue 19, found 10)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.review import services
from governance.review.selectors import checklist_for
from governance.review.setup import ensure_review_workflow
from governance.review.sweeps import sweep_signoff_slas
from guild.notifications.models import Notification, OutboxMessage
from tests.support.courses import make_catalogue, make_course
from tests.support.review import current_round, make_reviewer, submit_for_review

pytestmark = pytest.mark.django_db


def test_sign_off_is_off_by_default(db):
    from django.conf import settings

    assert not hasattr(settings, "GUILD_REVIEW_LD_SIGNOFF")
    workflow = ensure_review_workflow(make_catalogue())
    assert [t.name for t in workflow.tasks] == ["Peer review"]


@pytest.fixture
def at_signoff(settings, expert, ld_admin, django_capture_on_commit_callbacks):
    settings.GUILD_REVIEW_LD_SIGNOFF = True
    make_catalogue()
    reviewers = [make_reviewer("SQL"), make_reviewer("SQL")]
    course = make_course("Views", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(course, expert)
    round_ = current_round(course)
    with django_capture_on_commit_callbacks(execute=True):
        for reviewer in reviewers:
            services.approve(task_state=round_, reviewer=reviewer, checklist=range(len(checklist_for(course))))
    course.refresh_from_db()
    assert course.current_workflow_task.name == "L&D sign-off"
    return course


def test_ld_admins_and_authors_are_told_when_a_course_reaches_sign_off(at_signoff, expert, ld_admin):
    assert Notification.objects.filter(recipient=ld_admin, kind="review.signoff").count() == 1
    assert Notification.objects.filter(recipient=expert, kind="review.signoff_waiting").count() == 1


def test_the_workspace_shows_the_course_waiting_for_sign_off(client, at_signoff, expert):
    client.force_login(expert)
    html = client.get(reverse("sme:workspace")).text
    assert "Peer review passed (round 1). Waiting for L&amp;D sign-off, due" in html


def test_a_late_sign_off_is_chased_once_per_ld_admin(at_signoff, ld_admin):
    later = timezone.now() + timedelta(days=30)
    assert sweep_signoff_slas(now=timezone.now(), enqueue=False)["queued"] == 0
    assert sweep_signoff_slas(now=later, enqueue=False)["queued"] == 1
    assert sweep_signoff_slas(now=later, enqueue=False)["queued"] == 0
    message = OutboxMessage.objects.get(kind="review.signoff_late")
    assert message.recipient == ld_admin


def test_the_author_editor_says_it_waits_for_sign_off(client, at_signoff, expert):
    client.force_login(expert)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[at_signoff.pk])).content.decode()
    assert "Waiting for L&amp;D sign-off" in html

"""Submitting, publishing and reviewing a course are recorded in the learning-event log, so the
dashboard's active authors and active reviewers count the people who did them."""

import pytest
from django.urls import reverse

from governance.review import services
from governance.review.selectors import checklist_for
from governance.services.rollups import refresh_rollups
from guild.events.models import LearningEvent
from tests.support.courses import make_course
from tests.support.review import current_round, make_reviewer, submit_for_review

pytestmark = pytest.mark.django_db


def test_a_reviewed_and_published_course_makes_active_authors_and_reviewers(catalogue, expert, ld_admin, client):
    course = make_course("SQL joins", authors=[expert], skills=["SQL"], lessons=1, publish=False)
    reviewers = [make_reviewer("SQL"), make_reviewer("SQL")]
    submit_for_review(course, expert)
    round_ = current_round(course)
    everything = list(range(len(checklist_for(course))))
    for reviewer in reviewers:
        services.approve(task_state=round_, reviewer=reviewer, checklist=everything)
    services.approve(task_state=round_, reviewer=reviewers[0], checklist=everything)  # sent twice: counted once
    course.refresh_from_db()
    assert course.live
    by_verb = {}
    for verb, actor in LearningEvent.objects.filter(course_id=course.pk).values_list("verb", "actor_id"):
        by_verb.setdefault(verb, []).append(actor)
    assert by_verb["authored"] == [expert.pk]
    assert by_verb["published"] == [expert.pk]
    assert sorted(by_verb["reviewed"]) == sorted(r.pk for r in reviewers)
    refresh_rollups()
    client.force_login(ld_admin)
    sme = client.get(reverse("governance:dashboard")).context["dash"].sme
    assert (sme["active_authors"], sme["active_reviewers"], sme["reviews_done"]) == (1, 2, 2)


def test_asking_for_changes_is_a_review_too(catalogue, expert):
    course = make_course("Python basics", authors=[expert], skills=["Python"], lessons=1, publish=False)
    reviewer = make_reviewer("Python")
    submit_for_review(course, expert)
    services.request_changes(task_state=current_round(course), reviewer=reviewer, comment="Add an example.")
    event = LearningEvent.objects.get(verb="reviewed")
    assert (event.actor, event.result) == (reviewer, {"decision": "changes"})
    assert not LearningEvent.objects.filter(verb="published").exists()

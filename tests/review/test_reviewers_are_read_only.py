"""Reviewers read and comment through Wagtail's own editor; they never change, publish, submit,
restart or cancel the course they review (issue 19, found 1 and 2)."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from governance.review.models import ReviewDecision
from guild.notifications.models import Notification
from tests.support.courses import make_course
from tests.support.editor import course_edit_form, new_comment
from tests.support.review import current_round, make_reviewer, submit_for_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(catalogue, expert):
    reviewers = [make_reviewer("SQL"), make_reviewer("SQL")]
    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(course, expert)
    return course, reviewers, current_round(course)


def edit_url(course):
    return reverse("wagtailadmin_pages:edit", args=[course.pk])


def latest_summary(course):
    course.refresh_from_db()
    return course.get_latest_revision_as_object().summary


def test_the_author_can_save_a_draft_with_the_editor_form(client, catalogue, expert):
    # The form the tests post is the editor's real form: the author's save goes through.
    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    client.force_login(expert)
    response = client.post(edit_url(course), course_edit_form(course, summary="A sharper summary."))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert latest_summary(course) == "A sharper summary."


def test_a_reviewer_saving_a_draft_changes_nothing_in_the_course(client, in_review):
    course, (alice, _bob), round_ = in_review
    revisions = course.revisions.count()
    client.force_login(alice)
    response = client.post(edit_url(course), course_edit_form(course, summary="Rewritten by the reviewer."))
    assert response.status_code == 302
    assert latest_summary(course) == "A short course: Joins."
    assert course.revisions.count() == revisions
    assert round_.review_assignments.get(reviewer=alice).decision == ReviewDecision.PENDING


def autosave(client, course, **form):
    """What Wagtail's editor posts in the background once something changed (its autosave)."""
    return client.post(edit_url(course), course_edit_form(course, **form), headers={"accept": "application/json"})


def test_a_reviewer_autosave_changes_nothing_either(client, in_review):
    course, (alice, _bob), _round = in_review
    revisions = course.revisions.count()
    client.force_login(alice)
    response = autosave(client, course, summary="Autosaved by the reviewer.")
    # Answered as Wagtail's autosave expects (an error made the editor say "could not save"),
    # pointing at the revision the reviewer reads; the content is left alone.
    assert response.status_code == 200, response.content
    assert response.json()["success"] is True
    assert response.json()["revision_id"] == course.get_latest_revision().pk
    assert latest_summary(course) == "A short course: Joins."
    assert course.revisions.count() == revisions


def test_a_reviewer_comment_autosaved_twice_is_saved_once(client, in_review):
    course, (alice, _bob), _round = in_review
    client.force_login(alice)
    first = autosave(client, course, comments=[new_comment("Say who this is for.")]).json()
    comment = course.wagtail_admin_comments.get()
    # The editor learns the new comment's id, so its next save updates the comment instead of adding it again.
    assert first["field_updates"]["comments-0-id"] == str(comment.pk)
    assert first["field_updates"]["comments-INITIAL_FORMS"] == "1"
    assert [c["text"] for c in first["comments"]["comments"]] == ["Say who this is for."]
    again = course_edit_form(course, comments=[new_comment("Say who this is for, please.")])
    again.update({"comments-0-id": str(comment.pk), "comments-INITIAL_FORMS": "1"})
    response = client.post(edit_url(course), again, headers={"accept": "application/json"})
    assert response.json()["success"] is True
    assert list(course.wagtail_admin_comments.values_list("text", flat=True)) == ["Say who this is for, please."]


def test_a_reviewer_comment_is_saved_but_not_their_edits(client, in_review, expert, django_capture_on_commit_callbacks):
    course, (alice, _bob), _round = in_review
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(course), course_edit_form(
            course, summary="Rewritten by the reviewer.", comments=[new_comment("Say who this is for.")]
        ))
    assert latest_summary(course) == "A short course: Joins."
    comment = course.wagtail_admin_comments.get()
    assert (comment.user, comment.text, comment.contentpath) == (alice, "Say who this is for.", "summary")
    assert "Say who this is for." in Notification.objects.get(recipient=expert, kind="review.comment").body
    # The author sees it in their editor.
    client.force_login(expert)
    assert "Say who this is for." in client.get(edit_url(course)).content.decode()


def test_the_reviewer_editor_offers_save_comments_and_no_cancel(client, in_review):
    course, (alice, _bob), _round = in_review
    client.force_login(alice)
    html = client.get(edit_url(course)).content.decode()
    assert "Save comments" in html
    assert "action-cancel-workflow" not in html
    assert "action-restart-workflow" not in html


@pytest.mark.parametrize("action", ["action-publish", "action-submit", "action-restart-workflow"])
def test_a_reviewer_cannot_publish_submit_or_restart(client, in_review, action):
    course, (alice, _bob), round_ = in_review
    client.force_login(alice)
    client.post(edit_url(course), course_edit_form(course, summary="Reviewer's version.", **{action: "1"}))
    course.refresh_from_db()
    assert not course.live
    assert latest_summary(course) == "A short course: Joins."
    assert course.current_workflow_task_state.pk == round_.pk
    assert round_.review_assignments.filter(decision=ReviewDecision.PENDING).count() == 2


def test_a_reviewer_cannot_cancel_the_workflow(client, in_review):
    course, (alice, _bob), round_ = in_review
    client.force_login(alice)
    client.post(edit_url(course), course_edit_form(course, **{"action-cancel-workflow": "1"}))
    course.refresh_from_db()
    assert course.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert round_.review_assignments.filter(decision=ReviewDecision.PENDING).count() == 2


def test_a_reviewer_cannot_revert_to_an_old_revision(client, in_review):
    course, (alice, _bob), _round = in_review
    first = course.revisions.order_by("created_at").first()
    client.force_login(alice)
    url = reverse("wagtailadmin_pages:revisions_revert", args=[course.pk, first.pk])
    client.post(url, course_edit_form(course, summary="Reverted by the reviewer."))
    assert latest_summary(course) == "A short course: Joins."


def test_the_author_cancelling_closes_every_review_of_the_round(client, in_review, expert):
    course, (alice, bob), round_ = in_review
    client.force_login(expert)
    client.post(edit_url(course), course_edit_form(course, **{"action-cancel-workflow": "1"}))
    course.refresh_from_db()
    assert course.current_workflow_state is None
    assert set(round_.review_assignments.values_list("decision", flat=True)) == {ReviewDecision.CLOSED}
    from governance.review.selectors import review_queue

    assert not review_queue(reviewer=alice).exists() and not review_queue(reviewer=bob).exists()


def test_an_ld_admin_cancels_after_a_confirmation_and_the_author_is_told(
    client, in_review, expert, ld_admin, django_capture_on_commit_callbacks
):
    course, _reviewers, round_ = in_review
    client.force_login(ld_admin)
    url = reverse("sme:review:cancel", args=[course.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Cancel the review" in page.content.decode()
    course.refresh_from_db()
    assert course.current_workflow_state is not None  # the GET only asks
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "The course duplicates an existing one."})
    assert response.status_code == 302
    course.refresh_from_db()
    assert course.current_workflow_state is None
    assert not round_.review_assignments.filter(decision=ReviewDecision.PENDING).exists()
    notice = Notification.objects.get(recipient=expert, kind="review.cancelled")
    assert "duplicates an existing one" in notice.body


def test_reviewers_and_learners_cannot_use_the_cancel_page(client, in_review, learner):
    course, (alice, _bob), _round = in_review
    url = reverse("sme:review:cancel", args=[course.pk])
    for person in (alice, learner):
        client.force_login(person)
        assert client.post(url).status_code in (403, 404)
    course.refresh_from_db()
    assert course.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_a_reviewer_decides_from_the_editor_menu_without_saving_their_edits(client, in_review):
    # Wagtail's editor posts the whole form with the modal's data when a reviewer picks an action.
    import json

    course, (alice, _bob), round_ = in_review
    client.force_login(alice)
    client.post(edit_url(course), course_edit_form(
        course, summary="Rewritten while rejecting.", **{
            "action-workflow-action": "true", "workflow-action-name": "reject",
            "workflow-action-extra-data": json.dumps({"comment": "Add an example."}),
        }
    ))
    assert round_.review_assignments.get(reviewer=alice).decision == ReviewDecision.CHANGES_REQUESTED
    assert latest_summary(course) == "A short course: Joins."


def test_an_approval_from_the_editor_menu_still_needs_the_checklist(client, in_review):
    import json

    course, (alice, _bob), round_ = in_review
    client.force_login(alice)
    client.post(edit_url(course), course_edit_form(course, **{
        "action-workflow-action": "true", "workflow-action-name": "approve",
        "workflow-action-extra-data": json.dumps({"comment": "", "checklist": ["0"], "checklist_size": 1}),
    }))
    assert round_.review_assignments.get(reviewer=alice).decision == ReviewDecision.PENDING

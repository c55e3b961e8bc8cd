"""Reviewers comment on one block of one lesson from the review page; the authors read those
comments in the lesson's editor and resolve them; resolved comments stay in the round's history;
rounds are numbered wherever the review is shown (issue 19, build item 2)."""

import pytest
from django.urls import reverse

from courses.models import LessonPage
from governance.review import services
from governance.review.models import BlockComment, ReviewAssignment
from guild.notifications.models import Notification
from tests.support.courses import make_course
from tests.support.review import current_round, make_reviewer, submit_for_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(catalogue, expert):
    grace = make_reviewer("SQL", email="grace@example.com")
    grace.first_name, grace.last_name = "Grace", "Hopper"
    grace.save()
    ben = make_reviewer("SQL", email="ben@example.com")
    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(course, expert)
    lesson = LessonPage.objects.child_of(course).order_by("path").first()
    return course, lesson, grace, ben


def assignment_of(reviewer):
    return ReviewAssignment.objects.filter(reviewer=reviewer).order_by("-assigned_at", "-id").first()


def comment_on(client, reviewer, lesson, text, block_id=None):
    block_id = block_id or lesson.get_latest_revision_as_object().body[0].id
    return client.post(reverse("sme:review:comment", args=[assignment_of(reviewer).pk]),
                       {"lesson": lesson.pk, "block": block_id, "text": text}, follow=True)


def test_a_reviewer_comments_on_a_block_and_the_review_page_shows_it_under_that_block(
        client, in_review, expert, django_capture_on_commit_callbacks):
    course, lesson, grace, _ben = in_review
    block_id = lesson.get_latest_revision_as_object().body[0].id
    client.force_login(grace)
    page = client.get(reverse("sme:review:review", args=[assignment_of(grace).pk])).text
    assert f'id="block-{block_id}"' in page and "Comment on this block" in page and "Round 1" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = comment_on(client, grace, lesson, "Show the join's result, not only the query.")
    comment = BlockComment.objects.get()
    assert (comment.lesson, comment.block_id, comment.author, comment.block_number) == (lesson, block_id, grace, 1)
    html = response.text
    block_html = html[html.index(f'id="block-{block_id}"'):]
    assert "Show the join&#x27;s result, not only the query." in block_html[:3000]
    assert "round 1" in block_html[:3000]
    told = Notification.objects.get(recipient=expert, kind="review.comment")
    assert "Grace" in told.title and "block 1" in told.title


@pytest.mark.parametrize("data, error", [
    ({"text": "  "}, "Write your comment"),
    ({"block": "not-a-block"}, "no longer in the lesson"),
    ({"lesson": 0}, "not part of the course"),
    ({"text": "x" * 2001}, "at most 2000 characters"),
])
def test_bad_comments_are_refused_with_a_reason_and_nothing_is_written(client, in_review, data, error):
    course, lesson, grace, _ben = in_review
    client.force_login(grace)
    form = {"lesson": lesson.pk, "block": lesson.get_latest_revision_as_object().body[0].id, "text": "Fine."}
    form.update(data)
    response = client.post(reverse("sme:review:comment", args=[assignment_of(grace).pk]), form, follow=True)
    assert error in response.text
    assert not BlockComment.objects.exists()


def test_only_the_assigned_reviewer_of_an_open_round_comments(client, in_review, expert):
    course, lesson, grace, ben = in_review
    client.force_login(expert)  # the author, on Grace's assignment
    assert comment_on(client, grace, lesson, "Mine.").status_code == 404
    services.request_changes(task_state=current_round(course), reviewer=ben, comment="Too short.")
    client.force_login(grace)  # the round is closed
    assert "This review round is closed" in comment_on(client, grace, lesson, "Late.").text
    assert not BlockComment.objects.exists()


def test_the_author_reads_the_comments_in_the_lesson_editor_and_resolves_them(client, in_review, expert):
    course, lesson, grace, ben = in_review
    client.force_login(grace)
    comment_on(client, grace, lesson, "Show the join's result.")
    services.request_changes(task_state=current_round(course), reviewer=grace, comment="See my comment on lesson 1.")
    client.force_login(expert)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).content.decode()
    comment = BlockComment.objects.get()
    # Listed at the top, and marked with its block so that the editor's script pins it beside the block.
    assert (f'Round 1 · block 1 · Grace Hopper: <span data-guild-block-comment="{comment.block_id}" '
            'data-guild-comment-label="Round 1 · block 1 · Grace Hopper">Show the join&#x27;s result.</span>') in editor
    assert "review/pinned-comments.js" in editor
    # The course's editor counts it with the decision's comment.
    course_editor = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).content.decode()
    assert "Changes requested by Grace Hopper (round 1): 2 comments" in course_editor

    comment = BlockComment.objects.get()
    client.force_login(ben)  # a reviewer cannot resolve the authors' comments for them
    assert client.post(reverse("sme:review:resolve_comment", args=[course.pk]), {"comment": comment.pk}).status_code == 404
    client.force_login(expert)
    page = client.post(reverse("sme:review:resolve_comment", args=[course.pk]), {"comment": comment.pk}, follow=True).text
    comment.refresh_from_db()
    assert comment.resolved_by == expert
    assert "Resolved by" in page and "Show the join&#x27;s result." in page  # stays in the round's history
    assert "Round 1" in page
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).content.decode()
    assert "Show the join&#x27;s result." not in editor
    assert "Changes requested by Grace Hopper (round 1): 1 comment" in client.get(
        reverse("wagtailadmin_pages:edit", args=[course.pk])).content.decode()


def test_resolving_a_comment_of_another_course_changes_nothing(client, in_review, expert):
    course, lesson, grace, _ben = in_review
    client.force_login(grace)
    comment_on(client, grace, lesson, "Typo.")
    other = make_course("Other", authors=[expert], publish=False)
    client.force_login(expert)
    page = client.post(reverse("sme:review:resolve_comment", args=[other.pk]),
                       {"comment": BlockComment.objects.get().pk}, follow=True).text
    assert "not on this course" in page
    assert BlockComment.objects.get().resolved_at is None


def test_rounds_are_numbered_on_the_review_page_the_history_and_the_workspace(client, in_review, expert):
    course, lesson, grace, ben = in_review
    services.request_changes(task_state=current_round(course), reviewer=grace, comment="Add an example.")
    course.refresh_from_db()
    course.current_workflow_state.resume(expert)
    client.force_login(grace)
    review = client.get(reverse("sme:review:review", args=[assignment_of(grace).pk])).text
    assert "Round 2" in review
    assert "Round 1" in review  # the history keeps the first round, numbered
    assert "Round 2" in client.get(reverse("sme:review:queue")).text
    client.force_login(expert)
    workspace = client.get(reverse("sme:workspace")).text
    assert "In review (round 2): 0 of 2 approvals" in workspace

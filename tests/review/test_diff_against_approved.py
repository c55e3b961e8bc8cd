"""When a live course is revised, the review page shows, lesson by lesson, what changed against
the version learners have (the one published when it was last approved): blocks added, removed
and changed, with a word diff (issue 19, build item 2)."""

import pytest
from django.urls import reverse

from courses.models import LessonPage
from governance.review import services
from governance.review.diff import course_changes
from governance.review.models import ReviewAssignment
from governance.review.selectors import checklist_for
from tests.support.courses import make_course
from tests.support.review import current_round, make_reviewer, submit_for_review

pytestmark = pytest.mark.django_db


def approve_all(course):
    round_ = current_round(course)
    ticks = list(range(len(checklist_for(course))))
    for a in ReviewAssignment.objects.filter(task_state=round_, decision="pending"):
        services.approve(task_state=round_, reviewer=a.reviewer, checklist=ticks)


@pytest.fixture
def revised(catalogue, expert):
    reviewers = [make_reviewer("SQL"), make_reviewer("SQL")]
    course = make_course("Joins", authors=[expert], skills=["SQL"], lessons=2, publish=False)
    submit_for_review(course, expert)
    approve_all(course)
    course.refresh_from_db()
    assert course.live
    first, second = LessonPage.objects.child_of(course).order_by("path")
    # The author revises lesson 2: rewords its text, drops its quiz, adds a callout; lesson 1 stays.
    draft = second.get_latest_revision_as_object()
    text, _question = draft.body.raw_data
    draft.body = [
        {"type": "text", "id": text["id"], "value": "<p>Lesson 2 of Joins: the essentials, with two examples.</p>"},
        {"type": "callout", "value": {"kind": "tip", "text": "<p>Start from the smaller table.</p>"}},
    ]
    draft.save_revision(user=expert)
    submit_for_review(course, expert)
    return course, first, second, reviewers


def test_the_review_of_a_revised_course_shows_what_changed_per_lesson(client, revised):
    course, first, second, (alice, _bob) = revised
    client.force_login(alice)
    assignment = ReviewAssignment.objects.filter(reviewer=alice, decision="pending").get()
    html = client.get(reverse("sme:review:review", args=[assignment.pk])).text
    assert "What changed since the last approved version" in html
    changes = html[html.index('data-testid="changes"'):]
    changes = changes[:changes.index("</section>")]
    assert "Lesson 1</strong> —" in changes and "Unchanged" in changes.split("Lesson 2")[0]
    lesson_2 = changes.split("Lesson 2</strong>")[1]
    assert "1 block added" in lesson_2 and "1 changed" in lesson_2 and "1 removed" in lesson_2
    assert "with <del>an</del><ins>two</ins> <del>example.</del><ins>examples.</ins>" in lesson_2
    assert "Start from the smaller table." in lesson_2  # the added callout
    assert "Which clause filters rows before grouping?" in lesson_2  # the removed quiz question


def test_the_diff_matches_blocks_by_id(revised):
    course, first, second, _reviewers = revised
    by_lesson = {c.lesson.pk: c for c in course_changes(course)}
    assert by_lesson[first.pk].kind == "unchanged"
    change = by_lesson[second.pk]
    assert [(b.kind, b.number, b.block_type) for b in change.blocks] == [
        ("changed", 1, "text"), ("added", 2, "callout"), ("removed", 2, "question")]
    words = change.blocks[0].words
    assert [w for w in words if w[0] != "equal"] == [
        ("delete", "an"), ("insert", "two"), ("delete", "example."), ("insert", "examples.")]


def test_a_new_course_has_nothing_to_compare_with(client, catalogue, expert):
    alice, _bob = make_reviewer("SQL"), make_reviewer("SQL")
    course = make_course("Fresh", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(course, expert)
    assert course_changes(course) is None
    client.force_login(alice)
    assignment = ReviewAssignment.objects.get(reviewer=alice)
    assert "What changed since" not in client.get(reverse("sme:review:review", args=[assignment.pk])).text

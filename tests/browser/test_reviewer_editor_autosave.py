"""A reviewer comments in Wagtail's editor in Chromium: the editor's background autosave must
neither fail (it answered 400, and the editor showed a save error) nor save the comment twice
(issue 19, bug of the reviewer's read-only editor)."""

import time

import pytest

from tests.support.browser import sign_in
from tests.support.courses import make_catalogue, make_course
from tests.support.people import PASSWORD
from tests.support.review import make_reviewer, submit_for_review

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reviewer_comment_is_autosaved_once_without_an_error(page, settings, expert):
    settings.GUILD_REVIEW_LD_SIGNOFF = False
    make_catalogue()
    make_reviewer("SQL", email="ana@example.com")
    make_reviewer("SQL")
    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(course, expert)

    page.context.set_default_timeout(45_000)  # the first request loads the whole URLconf; the machine is shared
    failed = []
    page.on("response", lambda r: failed.append((r.status, r.request.method, r.url)) if r.status >= 400 else None)
    sign_in(page, "ana@example.com", PASSWORD)
    page.goto(f"/cms/pages/{course.pk}/edit/")
    page.locator("[data-contentpath='summary'] [data-comment-add]").click()
    page.get_by_placeholder("Enter your comments...").fill("Say who this course is for.")
    with page.expect_response(lambda r: r.url.endswith(f"/cms/pages/{course.pk}/edit/") and r.request.method == "POST"):
        page.get_by_role("button", name="Comment", exact=True).click()
    # Wagtail autosaves the new comment in the background; give it a second round too.
    deadline = time.monotonic() + 10
    while not course.wagtail_admin_comments.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    page.wait_for_timeout(1500)
    assert failed == []
    assert page.locator(".messages .error, [data-w-messages-target] .error").count() == 0
    assert list(course.wagtail_admin_comments.values_list("text", flat=True)) == ["Say who this course is for."]

    # Saving by hand afterwards keeps one comment, and the course is untouched.
    page.get_by_role("button", name="Save comments").click()
    page.wait_for_load_state("networkidle")
    assert failed == []
    assert course.wagtail_admin_comments.count() == 1
    course.refresh_from_db()
    assert course.get_latest_revision_as_object().summary == "A short course: Joins."

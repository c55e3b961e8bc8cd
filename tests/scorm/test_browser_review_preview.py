"""In Chromium: a reviewer opens a SCORM lesson from the review page, starts it, and the SCO runs in
the preview's player; what it commits is not stored, and the reviewer is not enrolled."""

import pytest
from playwright.sync_api import expect

from courses.models import Enrolment
from courses.scorm.models import ScormLessonPage, ScormRuntime
from governance.review.models import ReviewAssignment
from tests.support.browser import sign_in
from tests.support.people import PASSWORD


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_reviewer_runs_the_scorm_lesson_from_the_review_page_and_nothing_is_stored(page, scorm_in_review):
    course, (ana, _ben) = scorm_in_review
    lesson = ScormLessonPage.objects.child_of(course).order_by("path").first()
    assignment = ReviewAssignment.objects.get(course=course, reviewer=ana)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, ana.email, PASSWORD)

    page.goto("/reviews/")
    page.get_by_test_id("queue").get_by_role("link", name=course.title).click()
    section = page.locator("section.review-lesson", has=page.get_by_role("heading", name=lesson.title))
    section.get_by_role("link", name="Open the SCORM lesson").click()
    page.wait_for_url(f"**/scorm/lessons/{lesson.pk}/preview/**")
    page.get_by_role("button", name="Start the lesson").click()
    frame = page.frame_locator("iframe[title]")
    expect(frame.get_by_role("heading", level=1)).to_have_text("Lifting basics")
    expect(frame.locator("#entry")).to_have_text("ab-initio")
    frame.get_by_role("button", name="Save progress").click()  # the SCO commits: the preview has nowhere to send it
    frame.get_by_text("Finished").wait_for()
    expect(page.locator("[data-scorm-message]")).to_be_hidden()  # no error: nothing was refused

    assert not ScormRuntime.objects.filter(learner=ana).exists()
    assert not Enrolment.objects.filter(learner=ana).exists()
    page.get_by_role("link", name="Back").click()
    page.wait_for_url(f"**/reviews/{assignment.pk}/")
    assert errors == []

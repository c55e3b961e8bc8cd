"""End to end in Chromium: an expert uploads a SCORM 2004 zip in the Wagtail admin, the draft passes
peer review, and a learner enrols, completes the SCO and gets the certificate."""

import pytest
from playwright.sync_api import expect

from courses.models import CoursePage
from governance.review import services as review
from governance.review.selectors import checklist_for
from tests.support.browser import sign_in
from tests.support.courses import make_catalogue, make_skill
from tests.support.people import PASSWORD
from tests.support.review import current_round, make_reviewer, submit_for_review

from .conftest import fixture_zip


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_imported_package_is_reviewed_taken_and_certified(page, browser, live_server, expert, learner, settings,
                                                             tmp_path):
    settings.GUILD_REVIEW_LD_SIGNOFF = False
    make_catalogue()
    zip_path = tmp_path / "privacy.zip"
    zip_path.write_bytes(fixture_zip("sco2004").getvalue())

    sign_in(page, expert.email, PASSWORD)
    page.goto("/cms/scorm/import/")
    page.get_by_label("SCORM package (.zip)").set_input_files(str(zip_path))
    page.get_by_role("button", name="Import").click()
    page.get_by_text("is imported as a draft with 1 lesson(s)").wait_for()
    course = CoursePage.objects.get(title="Data privacy (SCORM 2004)")
    assert not course.live

    course.skills.add(make_skill("Privacy"))
    course.save_revision(user=expert)
    reviewers = [make_reviewer("Privacy"), make_reviewer("Privacy")]
    submit_for_review(course, expert)
    round_ = current_round(course)
    for reviewer in reviewers:
        review.approve(task_state=round_, reviewer=reviewer, checklist=list(range(len(checklist_for(course)))))
    course.refresh_from_db()
    assert course.live

    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(15_000)
    learner_page = context.new_page()
    sign_in(learner_page, learner.email, PASSWORD)
    learner_page.goto(course.url)
    learner_page.get_by_role("button", name="Enrol").click()
    learner_page.get_by_text("You are enrolled").wait_for()
    learner_page.get_by_role("link", name="Start the course").click()
    learner_page.get_by_role("button", name="Start the lesson").click()
    frame = learner_page.frame_locator("iframe[title]")
    expect(frame.locator("#entry")).to_have_text("ab-initio")
    frame.get_by_role("button", name="Finish").click()
    frame.get_by_text("Finished").wait_for()
    learner_page.goto(course.url)
    learner_page.get_by_role("link", name="View your certificate").click()
    learner_page.get_by_role("heading", name="Certificate of completion").wait_for()
    context.close()

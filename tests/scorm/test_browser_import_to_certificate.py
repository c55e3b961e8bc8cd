"""End to end in Chromium (issue 17's quality bar): an expert uploads a SCORM 2004 zip in the Wagtail
admin and submits the draft to peer review in the editor; two reviewers approve it from their review
queue; it goes live; a learner enrols, launches the SCO, which reports completion and score through
the SCORM API, and gets the certificate; and the xAPI statements of all that reach a real LRS (Ralph),
each once, valid."""

import pytest
from playwright.sync_api import expect

from courses.models import CoursePage, Enrolment
from courses.scorm.models import ScormRuntime
from governance.review.models import ReviewAssignment
from governance.review.selectors import checklist_for
from guild.events.models import LearningEvent
from guild.xapi.delivery import deliver
from guild.xapi.models import LearningRecordStore
from guild.xapi.statements import statement_id
from tests.support.automation import wait_for
from tests.support.browser import approve_from_review_queue, open_action_menu, sign_in, sign_out
from tests.support.courses import make_catalogue, make_skill
from tests.support.lrs import PASSWORD as LRS_PASSWORD
from tests.support.lrs import USER as LRS_USER
from tests.support.lrs import stored
from tests.support.people import PASSWORD
from tests.support.review import make_reviewer

from .conftest import fixture_zip

TITLE = "Data privacy (SCORM 2004)"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_imported_package_is_reviewed_taken_certified_and_reported_to_the_lrs(
        page, expert, learner, settings, tmp_path, lrs, ralph):
    settings.GUILD_REVIEW_LD_SIGNOFF = False
    page.set_default_timeout(30_000)  # a long walk through heavy admin pages, on a busy CI machine
    make_catalogue()
    # An L&D admin's LRS, configured before anything happens: every event from here on is queued for it.
    LearningRecordStore.objects.create(name="e2e", endpoint=lrs.url, key=LRS_USER, secret=LRS_PASSWORD)
    reviewers = [make_reviewer("Privacy", email="ana@example.com"), make_reviewer("Privacy", email="ben@example.com")]
    zip_path = tmp_path / "privacy.zip"
    zip_path.write_bytes(fixture_zip("sco2004").getvalue())

    # 1. The expert imports the package in the Wagtail admin: a draft course.
    sign_in(page, expert.email, PASSWORD)
    page.goto("/cms/scorm/import/")
    page.get_by_label("SCORM package (.zip)").set_input_files(str(zip_path))
    page.get_by_role("button", name="Import").click()
    page.get_by_text("is imported as a draft with 1 lesson(s)").wait_for()
    course = CoursePage.objects.get(title=TITLE)
    assert not course.live

    # 2. They submit it for peer review from the editor (its skill, which picks the reviewers, is set
    # as the editor's skills field would).
    course.skills.add(make_skill("Privacy"))
    course.save_revision(user=expert)
    page.goto(f"/cms/pages/{course.pk}/edit/")
    open_action_menu(page)
    page.get_by_role("button", name="Submit for peer review").click()
    wait_for(lambda: ReviewAssignment.objects.filter(course=course).count() == 2, timeout=15,
             message="the two reviewers to be assigned")
    assert {a.reviewer.email for a in ReviewAssignment.objects.filter(course=course)} == {r.email for r in reviewers}
    sign_out(page)

    # 3. Both reviewers approve from their queue, ticking the checklist: the course goes live.
    for reviewer in reviewers:
        approve_from_review_queue(page, reviewer.email, TITLE, checklist_for(course), shows="Personal data")
    course.refresh_from_db()
    assert course.live

    # 4. A learner enrols, launches the SCO, which reports completion and a score through the API.
    sign_in(page, learner.email, PASSWORD)
    page.goto(course.url)
    page.get_by_role("button", name="Enrol").click()
    page.get_by_text("You are enrolled").wait_for()
    page.get_by_role("link", name="Start the course").click()
    page.get_by_role("button", name="Start the lesson").click()
    frame = page.frame_locator("iframe[title]")
    expect(frame.locator("#entry")).to_have_text("ab-initio")
    frame.get_by_role("button", name="Finish").click()
    frame.get_by_text("Finished").wait_for()
    runtime = wait_for(lambda: ScormRuntime.objects.filter(learner=learner, completion_status="completed").first(),
                       timeout=15, message="the SCO's commit")
    assert (runtime.success_status, runtime.score_raw) == ("passed", 90)

    # 5. The certificate.
    page.goto(course.url)
    page.get_by_role("link", name="View your certificate").click()
    page.get_by_role("heading", name="Certificate of completion").wait_for()
    enrolment = Enrolment.objects.get(learner=learner, course=course)
    assert enrolment.status == "completed" and enrolment.certificates.exists()

    # 6. The statement outbox is sent (what the worker's run does): Ralph has every event once, valid.
    events = list(LearningEvent.objects.order_by("id"))
    assert {"registered", "completed", "passed", "certified"} <= {e.verb for e in events if e.actor_id == learner.pk}
    totals = deliver()
    ids = {str(statement_id(e.pk)) for e in events}
    assert totals["failed"] == 0 and totals["sent"] == len(events)
    assert stored(ralph, ids) == dict.fromkeys(ids, 1)
    assert ralph.validate() == []
    mine = {}
    for statement in ralph.statements():
        if statement["id"] in ids:
            mine.setdefault(statement["verb"]["id"].rsplit("/", 1)[-1], []).append(statement)
    assert {"published", "registered", "completed", "passed", "certified"} <= set(mine)
    # The score the SCO reported through the SCORM API, as the LRS received it.
    [passed] = [s for s in mine["passed"] if s["object"]["definition"]["name"]["en"] == "Personal data"]
    assert passed["result"]["success"] is True and passed["result"]["score"]["scaled"] == 0.9
    assert passed["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed"
    assert any(s["object"]["definition"]["name"]["en"] == TITLE for s in mine["certified"])

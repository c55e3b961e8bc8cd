"""The whole authoring and peer-review journey in Chromium, through the real Wagtail admin:
an expert starts a course from a template, writes a lesson and submits it; one reviewer asks
for changes in the Wagtail editor; the author fixes and resubmits; both reviewers approve
(ticking the checklist); a learner then finds the course in the catalogue."""

import re

import pytest

from guild.people.roles import Role
from tests.support.automation import wait_for
from tests.support.browser import approve_from_review_queue, open_action_menu, sign_in, sign_out
from tests.support.people import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Reading query plans"


def eventually(check, timeout=15):
    """Wait for what a click causes (an XHR modal submits, then the page reloads)."""
    wait_for(check, timeout=timeout, message="the action to take effect")


@pytest.fixture
def people(settings):
    settings.GUILD_REVIEW_LD_SIGNOFF = False
    from tests.support.courses import make_catalogue
    from tests.support.review import make_template

    make_catalogue()
    make_template(slug="skill-course", lessons=("Why it matters", "Core ideas"), checklist=("Accurate", "Clear"))
    return {
        "expert": make_user(Role.EXPERT, email="expert@example.com", first_name="Sofia"),
        "ana": make_user(Role.EXPERT, Role.REVIEWER, email="ana@example.com", first_name="Ana"),
        "ben": make_user(Role.REVIEWER, email="ben@example.com", first_name="Ben"),
        "learner": make_user(email="learner@example.com", first_name="Liam"),
    }


def test_an_expert_writes_a_course_that_peers_review_and_a_learner_finds(page, people):
    from courses.models import CoursePage, LessonPage
    from governance.review.models import ReviewAssignment

    # 1. The expert starts a course from a template and lands in the Wagtail editor.
    sign_in(page, "expert@example.com", PASSWORD)
    page.goto("/sme/templates/")
    page.get_by_label("Course title").fill(TITLE)
    page.get_by_role("button", name=re.compile("Start from")).click()
    page.wait_for_url(re.compile(r"/cms/pages/\d+/edit/"))
    course = CoursePage.objects.get(title=TITLE)

    # 2. They write the first lesson in the admin and save it as a draft.
    page.goto(f"/cms/pages/{course.pk}/")
    page.get_by_role("link", name="Why it matters").first.click()
    page.wait_for_url(re.compile(r"/cms/pages/\d+/edit/"))
    page.get_by_role("textbox", name="Summary").fill("Why slow queries cost us money, and how a plan shows where.")
    # The template's guidance sits in a callout; the author writes the lesson in its rich text editor.
    editor = page.locator(".Draftail-Editor [contenteditable='true']").first
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("A sequential scan reads every row: look for it first in the plan.")
    # Draftail copies its content into the form's hidden input; save once it has.
    page.wait_for_function(
        "() => [...document.querySelectorAll('input, textarea')].some(e => (e.value || '').includes('sequential scan'))"
    )
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state("networkidle")
    eventually(lambda: "sequential scan" in str(LessonPage.objects.get(title="Why it matters").get_latest_revision_as_object().body[0].value["text"]))
    lesson = LessonPage.objects.get(title="Why it matters")
    written = lesson.get_latest_revision_as_object()
    assert "slow queries" in written.summary
    assert "sequential scan" in str(written.body[0].value["text"])

    # 3. They submit the course for review from the editor's action menu.
    page.goto(f"/cms/pages/{course.pk}/edit/")
    open_action_menu(page)
    page.get_by_role("button", name="Submit for peer review").click()
    eventually(lambda: ReviewAssignment.objects.filter(course=course).count() == 2)
    assignments = list(ReviewAssignment.objects.filter(course=course))
    assert {a.reviewer.email for a in assignments} == {"ana@example.com", "ben@example.com"}
    sign_out(page)

    # 4. Ana opens it in the Wagtail editor, where she can comment but not edit, and requests changes.
    sign_in(page, "ana@example.com", PASSWORD)
    page.goto(f"/cms/pages/{course.pk}/edit/")
    assert page.get_by_role("button", name="Save comments").count() == 1
    assert page.get_by_role("button", name="Save draft").count() == 0
    open_action_menu(page)
    assert page.get_by_role("button", name=re.compile("Cancel")).count() == 0
    page.get_by_role("button", name="Request changes").click()
    page.get_by_label("What should the author change?").fill("Add an example plan to lesson 1.")
    page.locator(".modal").get_by_role("button", name="Request changes").click()
    eventually(lambda: CoursePage.objects.get(pk=course.pk).current_workflow_state.status == "needs_changes")
    page.wait_for_load_state("networkidle")
    sign_out(page)

    # 5. The author sees the request in their workspace, fixes the course and resubmits.
    sign_in(page, "expert@example.com", PASSWORD)
    page.goto("/sme/")
    assert "Changes requested" in page.get_by_test_id("in-review").inner_text()
    page.goto(f"/cms/pages/{course.pk}/edit/")
    # The editor says who asked for what, in plain words.
    assert "Changes requested by Ana" in page.content() and "Add an example plan to lesson 1." in page.content()
    page.get_by_role("textbox", name="Summary").fill("Read a query plan and spot the slow step, with an example plan.")
    open_action_menu(page)
    page.get_by_role("button", name="Send the changes to the reviewers").click()
    eventually(lambda: ReviewAssignment.objects.filter(course=course, decision="pending").count() == 2)
    sign_out(page)

    # 6. Both reviewers approve from their review queue, after ticking the checklist.
    for email in ("ana@example.com", "ben@example.com"):
        approve_from_review_queue(page, email, TITLE, ["Accurate", "Clear"],
                                  shows="Why slow queries cost us money")
    course.refresh_from_db()
    assert course.live

    # 7. A learner finds the course in the catalogue.
    sign_in(page, "learner@example.com", PASSWORD)
    page.goto("/courses/")
    assert page.get_by_role("link", name=TITLE).count() >= 1

"""Issue 19's quality bar, in Chromium through Guild's pages and Wagtail's admin: an expert starts a
course from a template, adds an image, invites a co-author and submits; a reviewer comments on a
lesson block and asks for changes; the author reads the comment in the lesson's editor, fixes the
lesson, resolves the comment and resubmits; one reviewer approves from Guild's review page, the
other from Wagtail's editor; the course goes live (L&D sign-off is off by default); a learner's
reaction to a lesson reaches its author."""

import io
import re

import pytest
from PIL import Image as PILImage

from guild.people.roles import Role
from tests.browser.test_authoring_review import eventually, open_action_menu, sign_out
from tests.support.browser import sign_in
from tests.support.people import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Indexing for analysts"
QUEUE = re.compile(r"/reviews/(#.*)?$")  # the browser keeps the review page's #block anchor through the redirect


@pytest.fixture
def people(settings):
    settings.GUILD_REVIEW_LD_SIGNOFF = False  # the default: the course goes live after two approvals
    from tests.support.courses import make_catalogue
    from tests.support.review import make_template

    make_catalogue()
    make_template(slug="skill-course", lessons=("Why it matters", "Core ideas"), checklist=("Accurate", "Clear"))
    return {
        "author": make_user(Role.EXPERT, email="sofia@example.com", first_name="Sofia", last_name="Lind"),
        "cleo": make_user(Role.EXPERT, email="cleo@example.com", first_name="Cleo", last_name="Park"),
        "ana": make_user(Role.EXPERT, Role.REVIEWER, email="ana@example.com", first_name="Ana", last_name="Ruiz"),
        "ben": make_user(Role.REVIEWER, email="ben@example.com", first_name="Ben", last_name="Okafor"),
        "learner": make_user(email="liam@example.com", first_name="Liam"),
    }


def png_file(tmp_path):
    path = tmp_path / "index-diagram.png"
    buffer = io.BytesIO()
    PILImage.new("RGB", (60, 40), (20, 120, 200)).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return str(path)


def save_draft(page):
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state("networkidle")


def test_a_course_goes_from_template_to_a_learners_reaction_through_two_review_rounds(page, people, tmp_path):
    from courses.models import CourseAuthor, CoursePage, LessonPage
    from governance.review.models import BlockComment, ReviewAssignment
    from guild.notifications.models import Notification

    # Wagtail's editor asks "leave this page?" (beforeunload) when its form changed; Playwright dismisses
    # dialogs by default, which would keep the browser on the editor when the walk moves on.
    page.on("dialog", lambda dialog: dialog.accept())

    page.context.set_default_timeout(45_000)  # the first request loads the whole URLconf; the machine is shared
    # 1. Template: the expert starts the course and lands in Wagtail's editor.
    sign_in(page, "sofia@example.com", PASSWORD)
    page.goto("/sme/templates/")
    page.get_by_label("Course title").fill(TITLE)
    page.get_by_role("button", name=re.compile("Start from")).click()
    page.wait_for_url(re.compile(r"/cms/pages/\d+/edit/"))
    course = CoursePage.objects.get(title=TITLE)
    lesson = LessonPage.objects.child_of(course).get(title="Why it matters")

    # 2. Media: in the first lesson they write the text and add an image, uploaded from the chooser.
    page.goto(f"/cms/pages/{lesson.pk}/edit/")
    page.get_by_role("textbox", name="Summary").fill("Why an index makes a lookup fast.")
    page.locator(".Draftail-Editor [contenteditable='true']").first.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("An index is a sorted copy of a column.")
    page.locator("[data-streamfield-stream-container] .c-sf-add-button, button[title='Insert a block']").last.click()
    page.get_by_role("option", name="Image").first.click()
    page.get_by_role("button", name="Choose an image").last.click()
    page.get_by_role("tab", name="Upload").click()
    page.locator("#id_image-chooser-upload-file").set_input_files(png_file(tmp_path))
    page.locator("#id_image-chooser-upload-title").fill("index-diagram")  # not left to the chooser's script
    page.get_by_role("button", name="Upload").click()
    try:  # uploaded and chosen: the chooser closes
        page.wait_for_selector(".modal.in", state="hidden", timeout=90_000)
    except Exception:
        print("CHOOSER:", page.locator(".modal.in").inner_text()[:2000])
        raise
    page.get_by_label("Alternative text").last.fill("A B-tree with three levels.")
    page.wait_for_function(
        "() => [...document.querySelectorAll('input, textarea')].some(e => (e.value || '').includes('sorted copy'))"
    )
    save_draft(page)
    eventually(lambda: [b.block_type for b in LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object().body]
               == ["callout", "image"])
    image = LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object().body[1].value["image"]
    assert image.title.startswith("index-diagram") and image.collection.name == "Course media"

    # 3. Co-author: invited from the workspace while the course is a draft, and told.
    page.goto("/sme/")
    page.get_by_label("Invite a co-author").select_option(label="Cleo Park")
    page.get_by_role("button", name="Invite").click()
    page.wait_for_load_state("networkidle")
    assert CourseAuthor.objects.filter(course=course, user=people["cleo"]).exists()
    assert "Cleo Park" in page.get_by_test_id(f"co-authors-{course.pk}").inner_text()
    assert Notification.objects.filter(recipient=people["cleo"]).exists()

    # 4. Submit for peer review from the course's editor; the co-author is never a reviewer.
    page.goto(f"/cms/pages/{course.pk}/edit/")
    open_action_menu(page)
    page.get_by_role("button", name="Submit for peer review").click()
    eventually(lambda: ReviewAssignment.objects.filter(course=course).count() == 2)
    assert {a.reviewer.email for a in ReviewAssignment.objects.filter(course=course)} == {"ana@example.com", "ben@example.com"}
    page.wait_for_load_state("networkidle")
    assert "submitted for moderation" not in page.content()
    sign_out(page)

    # 5. Inline comment: Ana comments on the lesson's first block from the review page, then asks for changes.
    sign_in(page, "ana@example.com", PASSWORD)
    page.goto("/reviews/")
    page.get_by_test_id("queue").get_by_role("link", name=TITLE).click()
    assert page.get_by_test_id("round").inner_text() == "Round 1"
    assert page.locator(".review-lesson img").count() >= 1  # the image, as the learner will see it
    first_block = page.locator(".review-block").first
    first_block.get_by_text("Comment on this block").click()
    first_block.get_by_role("textbox").fill("Say what a sorted copy costs on writes.")
    first_block.get_by_role("button", name="Add the comment").click()
    page.wait_for_load_state("networkidle")
    assert "Say what a sorted copy costs on writes." in page.locator(".review-block").first.inner_text()
    anchored = BlockComment.objects.get()
    assert (anchored.lesson_id, anchored.block_number, anchored.block_type) == (lesson.pk, 1, "callout")
    page.get_by_label("Comment for the authors").fill("One gap: see my comment on lesson 1.")
    page.get_by_role("button", name="Request changes").click()
    page.wait_for_url(QUEUE)
    sign_out(page)

    # 6. Fix: the author reads the comment in the lesson's editor, fixes the block, resolves the comment, resubmits.
    sign_in(page, "sofia@example.com", PASSWORD)
    page.goto("/sme/")
    assert "Changes requested by Ana Ruiz (round 1): 2 comments" in page.get_by_test_id("in-review").inner_text()
    page.goto(f"/cms/pages/{lesson.pk}/edit/")
    # The comment sits in the block it is about, not only in the list at the top.
    pinned = page.locator(f'[data-contentpath="{anchored.block_id}"] .guild-pinned-comment')
    pinned.wait_for()
    assert pinned.inner_text() == "Round 1 · block 1 · Ana Ruiz: Say what a sorted copy costs on writes."
    assert page.locator(".guild-pinned-comment").count() == 1
    page.locator(".Draftail-Editor [contenteditable='true']").first.click()
    page.keyboard.press("End")
    page.keyboard.type(" Every write updates it too.")
    page.wait_for_function(
        "() => [...document.querySelectorAll('input, textarea')].some(e => (e.value || '').includes('updates it too'))"
    )
    save_draft(page)
    eventually(lambda: "updates it too" in str(
        LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object().body[0].value["text"]))
    page.goto(f"/reviews/courses/{course.pk}/")
    page.get_by_role("button", name="Mark Ana Ruiz's comment resolved").click()
    page.wait_for_load_state("networkidle")
    assert "Resolved by Sofia Lind" in page.get_by_test_id("round-1-comments").inner_text()
    page.goto(f"/cms/pages/{course.pk}/edit/")
    assert "In Moderation" not in page.content()
    open_action_menu(page)
    page.get_by_role("button", name="Send the changes to the reviewers").click()
    eventually(lambda: ReviewAssignment.objects.filter(course=course, decision="pending").count() == 2)
    sign_out(page)

    # 7a. Ana approves round 2 from Guild's review page, after ticking the checklist.
    sign_in(page, "ana@example.com", PASSWORD)
    page.goto("/reviews/")
    page.get_by_test_id("queue").get_by_role("link", name=TITLE).click()
    assert page.get_by_test_id("round").inner_text() == "Round 2"
    assert "Resolved by Sofia Lind" in page.locator(".review-block").first.inner_text()  # kept in the history
    page.get_by_label("Accurate").check()
    page.get_by_label("Clear").check()
    page.get_by_role("button", name="Approve").click()
    page.wait_for_url(QUEUE)
    sign_out(page)

    # 7b. Ben approves from Wagtail's editor: its workflow menu, the checklist in its modal.
    sign_in(page, "ben@example.com", PASSWORD)
    page.goto(f"/cms/pages/{course.pk}/edit/")
    assert "In review (round 2): 1 of 2 approvals" in page.get_by_test_id("plain-review-status").inner_text()
    open_action_menu(page)
    page.get_by_role("button", name="Approve").click()
    modal = page.locator(".modal")
    modal.get_by_label("Accurate").check()
    modal.get_by_label("Clear").check()
    modal.get_by_role("button", name="Approve").click()
    page.wait_for_url(QUEUE)  # back to their queue

    # 8. Sign-off is off by default, so two approvals publish the course with its lessons.
    eventually(lambda: CoursePage.objects.get(pk=course.pk).live)
    assert LessonPage.objects.get(pk=lesson.pk).live
    sign_out(page)

    # 9. A learner enrols, finds the image in the lesson and reacts; the reaction reaches the author.
    sign_in(page, "liam@example.com", PASSWORD)
    page.goto(CoursePage.objects.get(pk=course.pk).url)
    page.get_by_role("button", name="Enrol").click()
    page.get_by_role("link", name="Start the course").click()
    page.get_by_role("heading", name="Why it matters", level=1).wait_for()
    assert page.get_by_role("img", name="A B-tree with three levels.").count() == 1
    page.get_by_role("button", name="Useful").click()
    page.wait_for_load_state("networkidle")
    sign_out(page)
    sign_in(page, "sofia@example.com", PASSWORD)
    page.goto("/sme/")
    reactions = page.get_by_role("region", name="Recent reactions").inner_text()
    assert f"{TITLE} › Why it matters" in reactions

"""Templates with media (issue 19, build item 3): a template's lessons may start with image, video
(with captions) and document blocks; an expert starting from it gets them empty, fills them from the
editor's choosers (uploading into the course media, which their co-authors see once the course uses
it, and others never), and until then learners see nothing broken."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from courses import services as course_services
from sme import services
from sme.models import TemplateLesson
from sme.setup import MEDIA_COLLECTION
from tests.support.courses import lessons_of
from tests.support.people import make_user
from tests.support.review import make_template

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_template(catalogue, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    template = make_template(slug="media-course", lessons=("Core ideas", "Worked example"))
    TemplateLesson.objects.filter(template=template, title="Core ideas").update(with_image=True)
    TemplateLesson.objects.filter(template=template, title="Worked example").update(with_video=True, with_document=True)
    return template


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (20, 120, 200)).save(buffer, "PNG")
    return SimpleUploadedFile("diagram.png", buffer.getvalue(), content_type="image/png")


def block_types(lesson):
    return [block.block_type for block in lesson.get_latest_revision_as_object().body]


def test_a_course_started_from_the_template_has_its_media_blocks_after_the_guidance(client, media_template, expert):
    client.force_login(expert)
    client.post(reverse("sme:start_course", args=[media_template.slug]), {"title": "Pivot tables"})
    core, worked = lessons_of(media_template.courses.get().course)
    assert block_types(core) == ["callout", "image"]
    assert block_types(worked) == ["callout", "video", "document"]
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[worked.pk]))
    assert editor.status_code == 200
    # The blocks are in the editor's stream, with their choosers (captions included).
    assert "Captions" in editor.text and "Video file" in editor.text and "Document" in editor.text


def test_the_expert_uploads_from_the_chooser_and_saves_the_lesson(client, media_template, expert, other_expert):
    course = services.start_course_from_template(template=media_template, author=expert, title="Pivot tables")
    core = lessons_of(course)[0]
    client.force_login(expert)
    client.post(reverse("wagtailimages_chooser:create"), {
        "image-chooser-upload-title": "Pivot diagram", "image-chooser-upload-file": png(),
        "image-chooser-upload-collection": Collection.objects.get(name=MEDIA_COLLECTION).pk,
    })
    image = Image.objects.get(title="Pivot diagram")
    data = nested_form_data({
        "title": core.title, "slug": core.slug, "summary": "", "estimated_minutes": 10, "is_required": "on",
        "body": streamfield([
            ("callout", {"kind": "note", "text": rich_text("<p>Ideas first.</p>")}),
            ("image", {"image": image.pk, "alt_text": "Rows become columns", "caption": ""}),
        ]),
        "comments": inline_formset([]),
    })
    response = client.post(reverse("wagtailadmin_pages:edit", args=[core.pk]), data)
    assert response.status_code == 302, response.content[:2000]
    core.refresh_from_db()
    saved = core.get_latest_revision_as_object().body
    assert saved[1].value["image"] == image and saved[1].value["alt_text"] == "Rows become columns"
    # Media scoping holds: a co-author picks it from the chooser, another expert does not see it.
    services.invite_co_author(course=course, user=make_user_expert(), by=expert)
    co_author = course.course_authors.exclude(user=expert).get().user
    client.force_login(co_author)
    assert "Pivot diagram" in client.get(reverse("wagtailimages_chooser:choose")).json()["html"]
    client.force_login(other_expert)
    assert "Pivot diagram" not in client.get(reverse("wagtailimages_chooser:choose")).json()["html"]


def make_user_expert():
    from guild.people.roles import Role

    return make_user(Role.EXPERT)


def test_empty_media_blocks_render_nothing_for_learners(client, media_template, expert, learner):
    course = services.start_course_from_template(template=media_template, author=expert, title="Pivot tables")
    for page in [course, *lessons_of(course)]:
        page.get_latest_revision().publish()
    course.refresh_from_db()
    course_services.enrol(learner=learner, course=course)
    client.force_login(learner)
    for lesson in lessons_of(course):
        page = client.get(lesson.url)
        assert page.status_code == 200
        assert "lesson-image" not in page.text and "lesson-video" not in page.text and "lesson-download" not in page.text

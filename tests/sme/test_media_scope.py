"""Nobody sees another author's drafts' media (issue 17, item 4): an expert sees their own uploads and
the media the courses they write use, live or in a draft; a co-author of course A never sees what I
uploaded for my private draft B, in a chooser, a listing, an edit screen or the admin API. L&D admins
see everything; learners and people signed out see nothing."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, GroupCollectionPermission

from guild.people.roles import Role
from sme.media_scope import backfill_revision_media
from sme.models import RevisionMedia
from sme.setup import MEDIA_COLLECTION
from tests.support.courses import make_course, make_lesson

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path, catalogue):
    settings.MEDIA_ROOT = tmp_path
    return Collection.objects.get(name=MEDIA_COLLECTION)


@pytest.fixture
def co_author(user_factory):
    return user_factory(Role.EXPERT, email="co-author@example.com", first_name="Carla")


def an_image(title, by, collection):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (20, 120, 200)).save(buffer, "PNG")
    return Image.objects.create(title=title, uploaded_by_user=by, collection=collection,
                                file=ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.png"))


def a_document(title, by, collection):
    return Document.objects.create(title=title, uploaded_by_user=by, collection=collection,
                                   file=ContentFile(b"%PDF-1.4 " + title.encode(), name="notes.pdf"))


def image_block(image):
    return {"type": "image", "value": {"image": image.pk, "alt_text": "A diagram", "caption": ""}}


def document_link(document):
    return {"type": "text", "value": f'<p>Read <a linktype="document" id="{document.pk}">the notes</a>.</p>'}


def refused(response):
    """A 403 or 404, or Wagtail's refusal: back to the admin's dashboard, with a message."""
    return response.status_code in (403, 404) or (response.status_code == 302 and response.url == "/cms/")


def image_chooser_lists(client, person, image):
    client.force_login(person)
    return image.title in client.get(reverse("wagtailimages_chooser:choose")).json()["html"]


def document_chooser_lists(client, person, document):
    client.force_login(person)
    return document.title in client.get(reverse("wagtaildocs_chooser:choose")).json()["html"]


@pytest.fixture
def two_courses(media, expert, co_author):
    """Course A, which Sofia writes with Carla, and Sofia's private draft B, each with its media."""
    course_a = make_course("Course A", authors=[expert], co_authors=[co_author], lessons=0, publish=False)
    draft_b = make_course("Draft B", authors=[expert], lessons=0, publish=False)
    used_in_a = an_image("Join diagram", expert, media)
    only_in_b = an_image("Secret roadmap", expert, media)
    notes_b = a_document("Secret notes", expert, media)
    make_lesson(course_a, title="Joins", body=[image_block(used_in_a)], publish=False)
    make_lesson(draft_b, title="Roadmap", body=[image_block(only_in_b), document_link(notes_b)], publish=False)
    return course_a, draft_b, used_in_a, only_in_b, notes_b


def test_a_co_author_never_sees_the_media_of_my_other_draft(client, two_courses, co_author):
    _, _, _, only_in_b, notes_b = two_courses
    assert not image_chooser_lists(client, co_author, only_in_b)
    assert not document_chooser_lists(client, co_author, notes_b)
    # Nor by its id: the chooser's answer, the edit screen, the listing, the admin API.
    assert refused(client.get(reverse("wagtailimages_chooser:chosen", args=[only_in_b.pk])))
    assert refused(client.get(reverse("wagtaildocs_chooser:chosen", args=[notes_b.pk])))
    assert refused(client.get(reverse("wagtailimages_chooser:select_format", args=[only_in_b.pk])))
    assert refused(client.get(reverse("wagtailimages:edit", args=[only_in_b.pk])))
    assert refused(client.get(reverse("wagtaildocs:edit", args=[notes_b.pk])))
    assert "Secret roadmap" not in client.get(reverse("wagtailimages:index")).text
    assert "Secret notes" not in client.get(reverse("wagtaildocs:index")).text
    assert client.get(f"/cms/api/main/images/{only_in_b.pk}/").status_code == 404
    assert client.get(f"/cms/api/main/documents/{notes_b.pk}/").status_code == 404
    assert only_in_b.pk not in [item["id"] for item in client.get("/cms/api/main/images/").json()["items"]]


def test_a_co_author_sees_the_media_our_course_uses_in_its_draft(client, two_courses, co_author):
    _, _, used_in_a, _, _ = two_courses
    assert image_chooser_lists(client, co_author, used_in_a)
    def search(words):
        return client.get(reverse("wagtailimages_chooser:choose_results"), {"q": words}).text

    assert "Join diagram" in search("diagram") and "Secret roadmap" not in search("roadmap")
    assert client.get(reverse("wagtailimages_chooser:chosen", args=[used_in_a.pk])).status_code == 200
    assert client.get(f"/cms/api/main/images/{used_in_a.pk}/").json()["title"] == "Join diagram"
    # Seeing is not editing: only its uploader (and L&D) edit an image.
    assert refused(client.get(reverse("wagtailimages:edit", args=[used_in_a.pk])))


def test_the_media_of_a_published_course_stay_visible_to_its_authors(client, media, expert, co_author):
    """Once published, Wagtail's ReferenceIndex knows what the live course uses, whatever its drafts say."""
    course = make_course("Live course", authors=[expert], co_authors=[co_author], lessons=0)
    image = an_image("Live diagram", expert, media)
    lesson = make_lesson(course, title="Live lesson", body=[image_block(image)])
    lesson.body = [{"type": "text", "value": "<p>The diagram is gone from the draft.</p>"}]
    lesson.save_revision()
    assert not RevisionMedia.objects.filter(revision=lesson.latest_revision).exists()
    assert image_chooser_lists(client, co_author, image)


def test_media_taken_out_of_a_draft_are_no_longer_offered_to_co_authors(client, two_courses, co_author):
    course_a, _, used_in_a, _, _ = two_courses
    lesson = course_a.get_children().get(title="Joins").specific
    lesson.body = [{"type": "text", "value": "<p>No diagram after all.</p>"}]
    lesson.save_revision()
    assert not image_chooser_lists(client, co_author, used_in_a)


def test_a_document_linked_from_a_lessons_text_is_the_courses(client, media, expert, co_author):
    course = make_course("Linked notes", authors=[expert], co_authors=[co_author], lessons=0, publish=False)
    notes = a_document("Reading list", expert, media)
    make_lesson(course, title="Reading", body=[document_link(notes)], publish=False)
    assert document_chooser_lists(client, co_author, notes)


def test_my_own_uploads_are_always_mine_to_choose(client, two_courses, media, expert, other_expert):
    _, _, used_in_a, only_in_b, _ = two_courses
    unused = an_image("Not used yet", expert, media)
    for image in (unused, used_in_a, only_in_b):
        assert image_chooser_lists(client, expert, image)
    assert "Not used yet" in client.get(reverse("wagtailimages:index")).text
    assert client.get(reverse("wagtailimages:edit", args=[unused.pk])).status_code == 200
    assert not image_chooser_lists(client, other_expert, unused)


def test_ld_admins_see_every_authors_media(client, two_courses, ld_admin):
    _, _, used_in_a, only_in_b, notes_b = two_courses
    assert image_chooser_lists(client, ld_admin, only_in_b) and image_chooser_lists(client, ld_admin, used_in_a)
    assert document_chooser_lists(client, ld_admin, notes_b)
    assert client.get(reverse("wagtailimages:edit", args=[only_in_b.pk])).status_code == 200
    assert client.get(f"/cms/api/main/images/{only_in_b.pk}/").status_code == 200


def test_learners_and_people_signed_out_see_no_media(client, two_courses, learner):
    _, _, used_in_a, _, _ = two_courses
    for person in (learner, None):
        client.logout()
        if person:
            client.force_login(person)
        for url in (reverse("wagtailimages_chooser:choose"), reverse("wagtailimages_chooser:chosen", args=[used_in_a.pk]),
                    reverse("wagtailimages:index"), f"/cms/api/main/images/{used_in_a.pk}/", "/cms/api/main/images/"):
            response = client.get(url)
            assert refused(response) or "login" in response.get("Location", ""), (person, url, response.status_code)
            assert b"Join diagram" not in response.content


def test_a_collection_l_and_d_shares_with_experts_is_offered_to_every_expert(client, media, ld_admin, other_expert):
    brand = Collection.get_first_root_node().add_child(name="Brand assets")
    GroupCollectionPermission.objects.create(
        group=Group.objects.get(name=Role.EXPERT), collection=brand,
        permission=Permission.objects.get(content_type__app_label="wagtailimages", codename="choose_image"))
    logo = an_image("Company logo", ld_admin, brand)
    private = an_image("L&D draft banner", ld_admin, media)
    assert image_chooser_lists(client, other_expert, logo)
    assert not image_chooser_lists(client, other_expert, private)


def test_media_recorded_before_this_rule_are_backfilled(client, two_courses, co_author):
    _, _, used_in_a, _, _ = two_courses
    RevisionMedia.objects.all().delete()
    assert not image_chooser_lists(client, co_author, used_in_a)
    assert backfill_revision_media() > 0
    assert image_chooser_lists(client, co_author, used_in_a)
    assert backfill_revision_media() == 0, "once recorded, never read again"


@pytest.mark.parametrize("chooser", ["wagtailimages_chooser:choose", "wagtaildocs_chooser:choose"])
def test_the_choosers_run_as_many_queries_for_many_courses_and_media_as_for_few(client, media, expert, co_author,
                                                                               chooser):
    def add_courses(count):
        for n in range(count):
            course = make_course(f"Course {n}", authors=[expert], co_authors=[co_author], lessons=0, publish=False)
            image, notes = an_image(f"Diagram {n}", expert, media), a_document(f"Notes {n}", expert, media)
            make_lesson(course, title=f"Lesson {n}", body=[image_block(image), document_link(notes)], publish=False)
            an_image(f"Unused {n}", co_author, media)

    def queries():
        client.get(reverse(chooser))  # warm: content types, thumbnails
        with CaptureQueriesContext(connection) as got:
            assert client.get(reverse(chooser)).status_code == 200
        return len(got)

    client.force_login(co_author)
    add_courses(1)
    few = queries()
    add_courses(5)
    assert queries() == few

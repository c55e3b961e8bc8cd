"""Lesson videos with WebVTT captions (issue 17, item 4): experts upload an MP4 or WebM and a .vtt from
the document chooser, within limits; the lesson plays it in an HTML5 <video> with a captions <track>;
and no expert picks, or sees listed, another author's uploads unless a course they write uses them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document

from courses.blocks import VideoBlock
from sme.setup import MEDIA_COLLECTION
from tests.support.courses import enrol, make_course, make_lesson

pytestmark = pytest.mark.django_db

MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
VTT = b"WEBVTT\n\n00:00.000 --> 00:02.000\nJoins match rows on a key.\n"


@pytest.fixture
def media(settings, tmp_path, catalogue):
    settings.MEDIA_ROOT = tmp_path
    from wagtail.models import Collection

    return Collection.objects.get(name=MEDIA_COLLECTION)


def upload(client, media, title, name, content, content_type="application/octet-stream"):
    response = client.post(reverse("wagtaildocs_chooser:create"), {
        "document-chooser-upload-title": title,
        "document-chooser-upload-file": SimpleUploadedFile(name, content, content_type),
        "document-chooser-upload-collection": media.pk,
    })
    return response.json()


def test_an_expert_uploads_a_video_and_its_captions(client, media, expert):
    client.force_login(expert)
    upload(client, media, "Joins explained", "joins.mp4", MP4, "video/mp4")
    upload(client, media, "Joins captions", "joins.vtt", VTT, "text/vtt")
    assert set(Document.objects.filter(collection=media).values_list("title", flat=True)) == {
        "Joins explained", "Joins captions"}


@pytest.mark.parametrize("name, content, message", [
    ("joins.vtt", b"1\n00:00:00,000 --> 00:00:02,000\nan SRT file\n", "first line must be"),
    ("joins.vtt", b"WEBVTT\n\nno cues here\n", "no cues"),
    ("joins.vtt", b"WEBVTT\n\n\xff\xfe broken", "UTF-8"),
    ("joins.mp4", b"<html>not a video</html>", "not an MP4 video"),
    ("joins.webm", MP4, "not an WEBM video"),
    ("joins.avi", b"RIFF....AVI ", "is not allowed"),
])
def test_a_bad_video_or_captions_file_is_refused_with_a_reason_and_not_kept(client, media, expert, name, content,
                                                                              message):
    client.force_login(expert)
    answer = upload(client, media, "Refused", name, content)
    assert answer["step"] == "reshow_creation_form"
    assert message in answer["htmlFragment"].replace("&quot;", '"').replace("&#x27;", "'")
    assert not Document.objects.filter(title="Refused").exists()


def test_a_video_over_the_limit_is_refused(client, media, expert, settings):
    settings.GUILD_MAX_VIDEO_BYTES = 50
    client.force_login(expert)
    answer = upload(client, media, "Too long", "long.mp4", MP4)
    assert "too big" in answer["htmlFragment"]
    assert not Document.objects.filter(title="Too long").exists()


def _video_lesson(expert, media, captions_language="fr"):
    from django.core.files.base import ContentFile

    video = Document.objects.create(title="Joins", collection=media, uploaded_by_user=expert,
                                    file=ContentFile(MP4, name="joins.mp4"))
    captions = Document.objects.create(title="Joins captions", collection=media, uploaded_by_user=expert,
                                       file=ContentFile(VTT, name="joins.vtt"))
    course = make_course("Video course", authors=[expert], lessons=0, quiz=False)
    block = {"type": "video", "value": {"video": video.pk, "title": "Joins in two minutes", "url": "",
                                        "captions": captions.pk, "captions_language": captions_language,
                                        "transcript": ""}}
    return course, make_lesson(course, title="Watch", body=[block]), video, captions


def test_the_lesson_plays_the_video_with_its_captions(client, media, expert, learner):
    course, lesson, video, captions = _video_lesson(expert, media)
    enrol(learner, course)
    client.force_login(learner)

    page = client.get(lesson.url).content.decode()

    assert f'<video controls preload="metadata" src="{video.url}"' in page
    assert f'<track kind="captions" src="{captions.url}" srclang="fr" label="Captions" default>' in page
    track = client.get(captions.url)
    assert track.status_code == 200
    assert track["Content-Type"].startswith("text/vtt")
    assert b"".join(track.streaming_content) == VTT


def test_the_video_block_refuses_captions_that_are_not_webvtt_and_a_bad_language(media, expert):
    from django.core.files.base import ContentFile
    from wagtail.blocks import StructBlockValidationError

    pdf = Document.objects.create(title="Slides", collection=media, uploaded_by_user=expert,
                                  file=ContentFile(b"%PDF-1.4", name="slides.pdf"))
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(block.to_python({"video": pdf.pk, "title": "Oops", "url": "", "captions": pdf.pk,
                                     "captions_language": "French!", "transcript": ""}))
    assert set(refused.value.block_errors) == {"video", "captions", "captions_language"}


def test_experts_choose_only_their_own_uploads_and_their_courses_media(client, media, expert, other_expert,
                                                                       user_factory, ld_admin):
    co_author = user_factory("Expert", email="co-author@example.com")
    shared = make_course("Shared draft", authors=[expert], co_authors=[co_author], publish=False)
    client.force_login(expert)
    upload(client, media, "Draft diagram notes", "notes.vtt", VTT)

    def chooser_lists(person):
        client.force_login(person)
        return "Draft diagram notes" in client.get(reverse("wagtaildocs_chooser:choose")).json()["html"]

    assert chooser_lists(expert)
    assert not chooser_lists(co_author), "an upload no course uses yet is its uploader's alone"
    assert chooser_lists(ld_admin)
    captions = Document.objects.get(title="Draft diagram notes")
    make_lesson(shared, title="Watch", publish=False, body=[{"type": "video", "value": {
        "video": None, "title": "Joins", "url": "https://intranet.example.com/joins.mp4", "captions": captions.pk,
        "captions_language": "en", "transcript": ""}}])
    assert chooser_lists(co_author), "co-authors share the media their course uses"
    assert not chooser_lists(other_expert), "another author never sees this draft's media"
    client.force_login(other_expert)
    assert "Draft diagram notes" not in client.get(reverse("wagtaildocs:index")).content.decode()

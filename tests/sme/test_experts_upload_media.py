"""Experts add images and documents (videos are documents) from the editor's choosers, into the
course media collection, within the configured upload limits (issue 19, found 5)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from sme.setup import MEDIA_COLLECTION

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path, catalogue):
    settings.MEDIA_ROOT = tmp_path
    from wagtail.models import Collection

    return Collection.objects.get(name=MEDIA_COLLECTION)


def png(name="diagram.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (20, 120, 200)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_the_image_chooser_offers_an_upload_to_experts(client, media, expert):
    client.force_login(expert)
    response = client.get(reverse("wagtailimages_chooser:choose"))
    assert response.status_code == 200
    assert "image-chooser-upload-file" in response.json()["html"]


def test_an_expert_uploads_an_image_from_the_chooser(client, media, expert):
    client.force_login(expert)
    response = client.post(reverse("wagtailimages_chooser:create"), {
        "image-chooser-upload-title": "Join diagram", "image-chooser-upload-file": png(),
        "image-chooser-upload-collection": media.pk,
    })
    assert response.status_code == 200
    image = Image.objects.get(title="Join diagram")
    assert (image.collection, image.uploaded_by_user) == (media, expert)


def test_an_expert_uploads_a_document_from_the_chooser(client, media, expert):
    client.force_login(expert)
    client.post(reverse("wagtaildocs_chooser:create"), {
        "document-chooser-upload-title": "Cheat sheet",
        "document-chooser-upload-file": SimpleUploadedFile("cheat.pdf", b"%PDF-1.4 cheat sheet", "application/pdf"),
        "document-chooser-upload-collection": media.pk,
    })
    assert Document.objects.filter(title="Cheat sheet", collection=media).exists()


def test_an_oversized_image_is_refused_and_nothing_is_kept(client, settings, media, expert):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    client.force_login(expert)
    response = client.post(reverse("wagtailimages_chooser:create"), {
        "image-chooser-upload-title": "Too big", "image-chooser-upload-file": png(),
        "image-chooser-upload-collection": media.pk,
    })
    assert response.json()["step"] == "reshow_creation_form"
    assert "too big" in response.json()["htmlFragment"]
    assert not Image.objects.filter(title="Too big").exists()


def test_a_document_of_a_refused_type_is_not_kept(client, media, expert):
    client.force_login(expert)
    client.post(reverse("wagtaildocs_chooser:create"), {
        "document-chooser-upload-title": "Script",
        "document-chooser-upload-file": SimpleUploadedFile("run.exe", b"MZ...", "application/octet-stream"),
        "document-chooser-upload-collection": media.pk,
    })
    assert not Document.objects.filter(title="Script").exists()


def test_learners_cannot_upload(client, media, learner):
    client.force_login(learner)
    client.post(reverse("wagtailimages_chooser:create"), {
        "image-chooser-upload-title": "Nope", "image-chooser-upload-file": png(),
        "image-chooser-upload-collection": media.pk,
    })
    assert not Image.objects.filter(title="Nope").exists()

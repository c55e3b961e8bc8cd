"""Public media is served with DEBUG off; documents only through Wagtail's view; nothing else by URL."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage

from guild.core.media import is_public

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_root(settings, tmp_path):
    from wagtail.models import Collection

    settings.MEDIA_ROOT = tmp_path
    assert settings.DEBUG is False
    if not Collection.get_first_root_node():  # an earlier transactional test's flush removed the migration's root
        Collection.add_root(name="Root")
    return tmp_path


def _png(name="cover.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (20, 120, 200)).save(buffer, "PNG")
    return ImageFile(buffer, name=name)


@pytest.fixture
def image(media_root):
    from wagtail.images.models import Image

    return Image.objects.create(title="Cover", file=_png())


@pytest.fixture
def document(media_root):
    from wagtail.documents.models import Document

    return Document.objects.create(title="Handbook", file=ContentFile(b"%PDF-1.4 handbook", name="handbook.pdf"))


def test_original_images_and_renditions_are_served_with_cache_headers(client, image):
    for url in (image.file.url, image.get_rendition("fill-20x20").url):
        assert url.startswith("/media/")
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "image/png"
        assert "public" in response["Cache-Control"] and "max-age=86400" in response["Cache-Control"]
        assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_an_unchanged_image_answers_304(client, image):
    first = client.get(image.file.url)
    again = client.get(image.file.url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304


def test_documents_are_never_served_as_media_only_through_wagtails_view(client, document, learner):
    assert client.get(f"/media/{document.file.name}").status_code == 404
    assert document.url.startswith("/documents/")
    client.force_login(learner)  # documents are for signed-in people (guild.core.wagtail_hooks)
    response = client.get(document.url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_a_document_in_a_private_collection_needs_sign_in(client, document, learner):
    from wagtail.models import Collection, CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document.collection = private
    document.save()
    response = client.get(document.url)
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert client.get(f"/media/{document.file.name}").status_code == 404
    client.force_login(learner)
    assert client.get(document.url).status_code == 200


def test_no_other_file_under_media_root_is_reachable(client, media_root, image):
    (media_root / "secrets.txt").write_text("not for the web")
    (media_root / "documents").mkdir(exist_ok=True)
    (media_root / "documents" / "salary.csv").write_text("private")
    for url in ("/media/secrets.txt", "/media/documents/salary.csv", "/media/images/", "/media/original_images"):
        assert client.get(url).status_code == 404, url
    assert client.post(image.file.url).status_code == 405


@pytest.mark.parametrize(
    ("path", "public"),
    [
        ("images/a.fill-10x10.png", True), ("original_images/a.png", True), ("avatar_images/avatar_x.png", True),
        ("documents/a.pdf", False), ("images/../documents/a.pdf", False), ("../etc/passwd", False),
        ("images", False), ("images//a.png", True), ("/images/a.png", True), ("secrets.txt", False),
    ],
)
def test_only_public_folders_count_as_public(path, public):
    assert is_public(path) is public

"""Media on S3-compatible storage: production's option for more than one host (docs/deployment.md §6).

S3 is outside Guild, so a stand-in plays it: moto's S3 server, started as a process and reached over
HTTP by boto3, as MinIO or AWS would be. Everything on Guild's side is real: the production settings
that switch storage, Wagtail's upload form, renditions, the SCORM import writing a package's files and
the content view streaming them back. What moto does not do is refuse unsigned reads (a bucket's
privacy is S3's own job): the test checks that every URL Guild hands out is signed."""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support.courses import make_catalogue

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
BUCKET = "guild-media"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "guild-test", "AWS_SECRET_ACCESS_KEY": "guild-test-secret",
               "AWS_DEFAULT_REGION": "us-east-1"}


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    """moto's S3 server in its own process, with an empty private bucket."""
    import boto3

    port = _free_port()
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail("moto's S3 server did not start")
                time.sleep(0.2)
        client = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
                              aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"], region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        yield endpoint, client
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture
def on_s3(s3_endpoint, settings, monkeypatch):
    """Storage as production sets it when AWS_STORAGE_BUCKET_NAME is given (the settings are read from
    production.py by the first test; here they are applied to the test process)."""
    endpoint, client = s3_endpoint
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    settings.AWS_STORAGE_BUCKET_NAME = BUCKET
    settings.AWS_S3_ENDPOINT_URL = endpoint
    settings.AWS_S3_REGION_NAME = "us-east-1"
    settings.AWS_DEFAULT_ACL = None
    settings.AWS_QUERYSTRING_AUTH = True
    settings.AWS_S3_SIGNATURE_VERSION = "s3v4"
    settings.AWS_S3_FILE_OVERWRITE = False
    # Last, so that the storages are rebuilt with the settings above.
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage"},
                         "scorm": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {"location": "scorm"}}}
    return endpoint, client


def _keys(client, prefix):
    return [o["Key"] for o in client.list_objects_v2(Bucket=BUCKET, Prefix=prefix).get("Contents", [])]


def _signed(url, endpoint):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" == endpoint and "X-Amz-Signature" in parse_qs(parts.query)


def _get(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - the local S3 stand-in
        return response.status, response.headers["Content-Type"], response.read()


def test_production_settings_put_media_and_scorm_packages_in_the_bucket(tmp_path):
    """The switch itself, read from production.py in a process of its own: both storages on S3, the
    bucket private (signed URLs, no ACL), and Django no longer serving /media/."""
    script = (
        "import json; from django.conf import settings; from django.urls import resolve, Resolver404\n"
        "try:\n    resolve('/media/images/a.png').url_name; media = True\n"
        "except Resolver404:\n    media = False\n"
        "print(json.dumps({'default': settings.STORAGES['default'], 'scorm': settings.STORAGES['scorm'],"
        " 'signed': settings.AWS_QUERYSTRING_AUTH, 'signature': settings.AWS_S3_SIGNATURE_VERSION, 'acl': settings.AWS_DEFAULT_ACL,"
        " 'endpoint': settings.AWS_S3_ENDPOINT_URL, 'serve': settings.GUILD_SERVE_MEDIA, 'media_route': media}))"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DEBUG")}
    env.update(DJANGO_SETTINGS_MODULE="guild.settings", DJANGO_ENV="production", SECRET_KEY=secrets.token_urlsafe(64),
               ALLOWED_HOSTS="guild.example.com", EMAIL_URL="smtp://127.0.0.1:25", GUILD_VAR_DIR=str(tmp_path),
               AWS_STORAGE_BUCKET_NAME=BUCKET, AWS_S3_ENDPOINT_URL="https://s3.example.com")
    done = subprocess.run([sys.executable, "manage.py", "shell", "-c", script], cwd=ROOT, env=env,  # noqa: S603
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["default"] == {"BACKEND": "storages.backends.s3.S3Storage"}
    assert seen["scorm"] == {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {"location": "scorm"}}
    assert seen["signed"] is True and seen["signature"] == "s3v4" and seen["acl"] is None and seen["endpoint"] == "https://s3.example.com"
    assert seen["serve"] is False and seen["media_route"] is False


def test_an_uploaded_image_and_its_renditions_live_in_the_bucket_behind_signed_urls(on_s3, client, ld_admin):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    from tests.production.test_production_stack import _png

    endpoint, s3 = on_s3
    client.force_login(ld_admin)
    upload = SimpleUploadedFile("cover.png", _png("cover.png", "teal").file.getvalue(), content_type="image/png")
    answer = client.post("/cms/images/add/", {"title": "Cover", "file": upload,
                                              "collection": Collection.get_first_root_node().pk})
    assert answer.status_code == 302, answer.context["form"].errors if answer.context else answer.status_code
    image = get_image_model().objects.get(title="Cover")
    assert image.file.name in _keys(s3, "original_images/")
    assert _signed(image.file.url, endpoint)

    rendition = image.get_rendition("fill-120x80")
    assert rendition.file.name in _keys(s3, "images/")
    assert _signed(rendition.url, endpoint)
    status, content_type, body = _get(rendition.url)
    assert status == 200 and content_type == "image/png" and body.startswith(b"\x89PNG")


def test_a_scorm_package_is_stored_in_the_bucket_and_streamed_to_its_author(on_s3, expert, settings):
    from django.test import Client

    from courses.scorm.services.importing import import_package
    from tests.scorm.conftest import fixture_zip

    _endpoint, s3 = on_s3
    settings.GUILD_REVIEW_LD_SIGNOFF = False
    make_catalogue()
    package, course = import_package(fileobj=fixture_zip("sco2004"), author=expert)
    stored = _keys(s3, f"scorm/{package.storage_folder}/")
    assert f"scorm/{package.storage_folder}/index.html" in stored and len(stored) > 2

    author = Client()
    author.force_login(expert)
    answer = author.get(f"/scorm/content/{package.pk}/index.html")
    assert answer.status_code == 200
    body = b"".join(answer.streaming_content) if answer.streaming else answer.content
    assert b"<html" in body.lower()
    # Someone who may not preview the course gets nothing from the bucket either.
    assert Client().get(f"/scorm/content/{package.pk}/index.html").status_code in (302, 404)

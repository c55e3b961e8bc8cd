"""Packages Guild refuses: each with a message that names the problem, and nothing half-imported
(no package row, no page, no file left in storage)."""

import io
import zipfile

import pytest
from wagtail.models import Page

from courses.scorm.errors import ScormImportError
from courses.scorm.models import ScormItem, ScormPackage
from courses.scorm.services.importing import import_package
from tests.support.courses import make_catalogue

from .conftest import fixture_files, fixture_zip, stored_files, zip_bytes


@pytest.fixture
def catalogue(db):
    return make_catalogue()


def refused(expert, data, scorm_root, match):
    pages = Page.objects.count()
    with pytest.raises(ScormImportError, match=match):
        import_package(fileobj=data if hasattr(data, "read") else io.BytesIO(data), author=expert)
    assert ScormPackage.objects.count() == 0
    assert ScormItem.objects.count() == 0
    assert Page.objects.count() == pages
    assert stored_files(scorm_root) == []


def test_a_zip_slip_path_is_refused(expert, catalogue, scorm_root):
    files = fixture_files("sco12")
    files["../../evil.js"] = "alert(1)"
    refused(expert, zip_bytes(files), scorm_root, "outside the package")
    assert not (scorm_root.parent / "evil.js").exists()


def test_an_absolute_path_is_refused(expert, catalogue, scorm_root):
    files = fixture_files("sco12")
    files["/etc/cron.d/evil"] = "x"
    refused(expert, zip_bytes(files), scorm_root, "outside the package")


def test_a_symlink_member_is_refused(expert, catalogue, scorm_root):
    buffer = io.BytesIO(zip_bytes(fixture_files("sco12")))
    with zipfile.ZipFile(buffer, "a") as archive:
        info = zipfile.ZipInfo("link.html")
        info.external_attr = (0o120777 << 16)
        archive.writestr(info, "/etc/passwd")
    refused(expert, buffer.getvalue(), scorm_root, "outside the package")


def test_an_xxe_manifest_is_refused(expert, catalogue, scorm_root):
    manifest = (
        '<?xml version="1.0"?><!DOCTYPE manifest [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        '<manifest identifier="x"><metadata><schemaversion>1.2</schemaversion></metadata>'
        "<organizations><organization><title>&xxe;</title></organization></organizations></manifest>"
    )
    refused(expert, fixture_zip("sco12", **{"imsmanifest.xml": manifest}), scorm_root, "XML entities")


def test_a_billion_laughs_manifest_is_refused(expert, catalogue, scorm_root):
    manifest = ('<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                "<manifest><metadata><schemaversion>&b;</schemaversion></metadata></manifest>")
    refused(expert, fixture_zip("sco12", **{"imsmanifest.xml": manifest}), scorm_root, "XML entities")


def test_a_zip_without_manifest_is_refused(expert, catalogue, scorm_root):
    files = fixture_files("sco12")
    del files["imsmanifest.xml"]
    refused(expert, zip_bytes(files), scorm_root, "no imsmanifest.xml")


def test_a_missing_launch_file_is_refused(expert, catalogue, scorm_root):
    files = fixture_files("sco12")
    del files["index.html"]
    refused(expert, zip_bytes(files), scorm_root, "“Lifting basics” launches “index.html”, which is missing")


def test_an_undefined_resource_is_refused(expert, catalogue, scorm_root):
    manifest = fixture_files("sco12")["imsmanifest.xml"].replace(b'identifierref="res2"', b'identifierref="nope"')
    refused(expert, fixture_zip("sco12", **{"imsmanifest.xml": manifest}), scorm_root, "resource “nope”")


def test_a_broken_zip_is_refused(expert, catalogue, scorm_root):
    data = zip_bytes(fixture_files("sco12"))
    refused(expert, data[: len(data) // 2], scorm_root, "not a readable zip")
    refused(expert, b"PK\x03\x04 not really a zip", scorm_root, "not a readable zip")


def test_a_corrupted_member_is_refused_and_its_files_removed(expert, catalogue, scorm_root):
    data = bytearray(zip_bytes({**fixture_files("sco12"), "zz-last.bin": b"x" * 5000}))
    offset = data.find(b"zz-last.bin")  # its local header; the compressed data follows the name
    data[offset + len("zz-last.bin") + 2] ^= 0xFF  # the member's CRC no longer matches
    refused(expert, bytes(data), scorm_root, "cannot be read|not a readable zip")


def test_an_unsupported_scorm_version_is_refused(expert, catalogue, scorm_root):
    manifest = fixture_files("sco12")["imsmanifest.xml"].replace(b"<schemaversion>1.2<", b"<schemaversion>1.1<")
    refused(expert, fixture_zip("sco12", **{"imsmanifest.xml": manifest}), scorm_root, "version “1.1” is not supported")


def test_a_plain_content_package_is_refused(expert, catalogue, scorm_root):
    manifest = (b'<manifest identifier="x" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"><organizations/>'
                b"<resources/></manifest>")
    refused(expert, fixture_zip("sco12", **{"imsmanifest.xml": manifest}), scorm_root, "names no SCORM version")


def test_too_many_files_are_refused(expert, catalogue, scorm_root, settings):
    settings.GUILD_SCORM_MAX_FILES = 3
    refused(expert, fixture_zip("sco12"), scorm_root, "holds 4 files; the limit is 3")


def test_a_package_too_large_unpacked_is_refused(expert, catalogue, scorm_root, settings):
    settings.GUILD_SCORM_MAX_UNPACKED_BYTES = 1000
    refused(expert, fixture_zip("sco12", **{"big.bin": b"\0" * 5000}), scorm_root, "Unpacked, the package would take")


def test_an_upload_over_the_limit_is_refused_before_reading(expert, catalogue, scorm_root, settings):
    settings.GUILD_SCORM_MAX_UPLOAD_BYTES = 10
    with pytest.raises(ScormImportError, match="the limit is"):
        import_package(fileobj=fixture_zip("sco12"), size=11, author=expert)


def test_a_learner_cannot_import(learner, catalogue, scorm_root):
    refused(learner, fixture_zip("sco12"), scorm_root, "Only experts and L&D admins")


def test_a_failure_while_creating_pages_leaves_no_file(expert, catalogue, scorm_root, monkeypatch):
    from courses.scorm.services import importing

    def boom(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(importing, "_new_course", boom)  # stands in for a failure inside the transaction
    with pytest.raises(RuntimeError):
        import_package(fileobj=fixture_zip("sco12"), author=expert)
    assert ScormPackage.objects.count() == 0
    assert stored_files(scorm_root) == []

"""SCORM test helpers: package zips built from the fixture SCOs, and a scratch "scorm" storage."""

import io
import zipfile
from pathlib import Path

import pytest

from tests.support.lrs import lrs, ralph  # noqa: F401 (a real LRS for the end-to-end test)

FIXTURES = Path(__file__).parent / "fixtures"


def zip_bytes(files):
    """A zip in memory from {name: bytes or str}."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def fixture_files(name):
    folder = FIXTURES / name
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def fixture_zip(name, **changes):
    files = fixture_files(name)
    files.update(changes)
    return io.BytesIO(zip_bytes(files))


@pytest.fixture(autouse=True)
def scorm_root(settings, tmp_path):
    """Package files go to a folder of this test, and each test can see what is left in it."""
    root = tmp_path / "scorm-storage"
    root.mkdir()
    settings.STORAGES = {**settings.STORAGES, "scorm": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                                                        "OPTIONS": {"location": str(root)}}}
    return root


def stored_files(root):
    return [p for p in Path(root).rglob("*") if p.is_file()]


@pytest.fixture
def scorm_in_review(expert, settings):
    """The expert's course imported from the SCORM 1.2 fixture, a draft submitted to peer review; two
    experts outside the Reviewer group (as the review assigns them too) are its reviewers."""
    from courses.scorm.services.importing import import_package
    from governance.review.models import ReviewAssignment
    from guild.people.roles import Role
    from tests.support.courses import make_catalogue, make_skill
    from tests.support.review import make_reviewer, submit_for_review

    settings.GUILD_REVIEW_LD_SIGNOFF = False
    make_catalogue()
    _package, course = import_package(fileobj=fixture_zip("sco12"), author=expert)
    reviewers = [make_reviewer("Lifting", roles=(Role.EXPERT,)) for _ in range(2)]
    course.skills.add(make_skill("Lifting"))
    course.save_revision(user=expert)
    submit_for_review(course, expert)
    assert {a.reviewer_id for a in ReviewAssignment.objects.filter(course=course)} == {r.pk for r in reviewers}
    return course, reviewers

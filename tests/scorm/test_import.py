"""Importing a package: a draft course with one draft lesson per item, authored by the uploader,
that goes through the same peer review as any course; from the admin screen and the command line."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from courses.models import CoursePage, LessonPage
from courses.scorm.models import ScormLessonPage, ScormPackage
from courses.scorm.services.importing import import_package
from governance.review import services as review
from governance.review.selectors import checklist_for
from guild.people.roles import Role
from tests.support.courses import make_catalogue, make_course, make_skill
from tests.support.people import make_user
from tests.support.review import current_round, make_reviewer, submit_for_review

from .conftest import fixture_files, fixture_zip, zip_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(db, settings):
    settings.GUILD_REVIEW_LD_SIGNOFF = False
    return make_catalogue()


def test_a_scorm_12_package_becomes_a_draft_course_with_a_lesson_per_item(catalogue, expert):
    package, course = import_package(fileobj=fixture_zip("sco12"), author=expert)
    assert course.title == "Safe lifting (SCORM 1.2)" and not course.live
    assert course.author_ids() == {expert.pk}
    lessons = list(LessonPage.objects.child_of(course).order_by("path").specific())
    assert [(type(lesson), lesson.title, lesson.live) for lesson in lessons] == [
        (ScormLessonPage, "Lifting basics", False), (ScormLessonPage, "Reference card", False),
    ]
    first, second = (lesson.item for lesson in lessons)
    assert (first.is_sco, str(first.mastery_scaled), first.time_limit) == (True, "0.8000", "00:30:00")
    assert second.is_sco is False
    assert package.version == "1.2" and package.file_count == 4 and package.warnings == []


@pytest.mark.parametrize(("schemaversion", "version"), [
    ("CAM 1.3", "2004-2"),  # how 2nd edition packages name themselves
    ("2004 2nd Edition", "2004-2"),
    ("2004 3rd Edition", "2004-3"),
    ("2004 4th Edition", "2004-4"),
    (None, "2004-3"),  # no schemaversion: the ADL v1p3 namespace says SCORM 2004
])
def test_every_scorm_2004_edition_imports_and_launches_with_the_2004_api(catalogue, expert, client, schemaversion,
                                                                         version):
    manifest = fixture_files("sco2004")["imsmanifest.xml"].decode()
    declared = "<schemaversion>2004 4th Edition</schemaversion>"
    assert declared in manifest
    manifest = manifest.replace(declared, f"<schemaversion>{schemaversion}</schemaversion>" if schemaversion else "")
    package, course = import_package(fileobj=fixture_zip("sco2004", **{"imsmanifest.xml": manifest}), author=expert)
    assert package.version == version and package.is_2004
    lesson = ScormLessonPage.objects.child_of(course).get()
    client.force_login(expert)  # the author previews: the run-time starts with the 2004 API
    launched = client.post(f"/scorm/lessons/{lesson.pk}/launch/")
    assert launched.status_code == 200 and launched.json()["version"] == "2004"


def test_a_package_zipped_inside_a_folder_imports(catalogue, expert):
    files = {f"lifting/{name}": data for name, data in fixture_files("sco2004").items()}
    package, course = import_package(fileobj=io.BytesIO(zip_bytes(files)), author=expert)
    assert package.version == "2004-4" and course.title == "Data privacy (SCORM 2004)"
    assert package.items.get().launch == "index.html"


def test_a_missing_listed_file_is_a_warning_not_a_refusal(catalogue, expert):
    files = fixture_files("sco12")
    files["imsmanifest.xml"] = files["imsmanifest.xml"].replace(b'<file href="sco.js"/>', b'<file href="sco.js"/><file href="gone.css"/>')
    package, _course = import_package(fileobj=io.BytesIO(zip_bytes(files)), author=expert)
    assert package.warnings == ["1 file(s) the manifest lists are missing from the zip: gone.css"]


def test_lessons_can_be_added_to_a_course_the_author_writes_only(catalogue, expert, other_expert):
    course = make_course("Manual handling", authors=[expert], lessons=1, publish=False)
    _package, same = import_package(fileobj=fixture_zip("sco12"), author=expert, course=course)
    assert same.pk == course.pk
    assert ScormLessonPage.objects.child_of(course).count() == 2
    with pytest.raises(Exception, match="only to a course you write"):
        import_package(fileobj=fixture_zip("sco12"), author=other_expert, course=course)


def test_the_imported_course_goes_through_peer_review_and_publishes_its_lessons(catalogue, expert):
    _package, course = import_package(fileobj=fixture_zip("sco2004"), author=expert)
    course = CoursePage.objects.get(pk=course.pk)
    course.skills.add(make_skill("Privacy"))
    course.save_revision(user=expert)
    reviewers = [make_reviewer("Privacy"), make_reviewer("Privacy")]
    submit_for_review(course, expert)
    round_ = current_round(course)
    assert {a.reviewer for a in round_.review_assignments.all()} == set(reviewers)
    for reviewer in reviewers:
        review.approve(task_state=round_, reviewer=reviewer, checklist=list(range(len(checklist_for(course)))))
    course.refresh_from_db()
    assert course.live
    assert all(lesson.live for lesson in ScormLessonPage.objects.child_of(course))


def test_the_command_imports_and_prints_the_admin_url(catalogue, expert, tmp_path, capsys):
    path = tmp_path / "lifting.zip"
    path.write_bytes(fixture_zip("sco12").getvalue())
    call_command("import_scorm", str(path), "--author", expert.email)
    course = CoursePage.objects.get(title="Safe lifting (SCORM 1.2)")
    out = capsys.readouterr().out
    assert f"/cms/pages/{course.pk}/edit/" in out
    assert "2 lesson(s)" in out


def test_the_command_names_the_problem_of_a_bad_package(catalogue, expert, tmp_path):
    path = tmp_path / "broken.zip"
    path.write_bytes(b"not a zip")
    with pytest.raises(CommandError, match="not a readable zip"):
        call_command("import_scorm", str(path), "--author", expert.email)
    assert ScormPackage.objects.count() == 0


def test_an_expert_imports_from_the_admin_screen(catalogue, expert, client):
    client.force_login(expert)
    page = client.get("/cms/scorm/import/")
    assert page.status_code == 200 and b"Import a SCORM package" in page.content
    upload = fixture_zip("sco12")
    upload.name = "lifting.zip"
    response = client.post("/cms/scorm/import/", {"package": upload})
    course = CoursePage.objects.get(title="Safe lifting (SCORM 1.2)")
    assert response.status_code == 302 and response["Location"] == f"/cms/pages/{course.pk}/"


def test_the_admin_screen_shows_why_a_package_is_refused(catalogue, expert, client):
    client.force_login(expert)
    upload = io.BytesIO(b"nope")
    upload.name = "lifting.zip"
    response = client.post("/cms/scorm/import/", {"package": upload})
    assert response.status_code == 200
    assert "not a readable zip" in response.content.decode()
    assert ScormPackage.objects.count() == 0


@pytest.mark.parametrize("role", ["learner", "pure_reviewer", "manager", "executive"])
def test_other_roles_cannot_import(catalogue, client, request, role):
    user = make_user(Role.REVIEWER) if role == "pure_reviewer" else request.getfixturevalue(role)
    client.force_login(user)
    upload = fixture_zip("sco12")
    upload.name = "lifting.zip"
    response = client.post("/cms/scorm/import/", {"package": upload})
    # Wagtail turns a refusal inside its admin into a redirect to the dashboard with a message.
    assert response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/cms/")
    assert ScormPackage.objects.count() == 0


def test_ld_admins_can_import(catalogue, ld_admin, client):
    client.force_login(ld_admin)
    upload = fixture_zip("sco12")
    upload.name = "lifting.zip"
    assert client.post("/cms/scorm/import/", {"package": upload}).status_code == 302


def test_the_author_edits_an_imported_lesson_in_the_wagtail_editor(catalogue, expert, client):
    _package, course = import_package(fileobj=fixture_zip("sco12"), author=expert)
    lesson = ScormLessonPage.objects.child_of(course).first()
    client.force_login(expert)
    assert client.get(f"/cms/pages/{lesson.pk}/edit/").status_code == 200
    assert client.get(f"/cms/pages/{course.pk}/").status_code == 200

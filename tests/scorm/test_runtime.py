"""The SCORM run-time as Guild persists it: launch, ordered and idempotent commits, expired
sessions, and completion and scores feeding lesson progress, course completion and events."""

import json
import uuid

import pytest

from courses import services as course_services
from courses.models import Enrolment, LessonCompletion
from courses.scorm.models import ScormLessonPage, ScormRuntime
from courses.scorm.services.importing import import_package
from courses.services import LearningError
from guild.events.models import LearningEvent
from rewards.models.badges import Badge, BadgeAward, Criterion
from rewards.models.ledger import RewardLedgerEntry
from rewards.models.reasons import Reason
from tests.support.courses import enrol, make_catalogue

from .conftest import fixture_zip

pytestmark = pytest.mark.django_db


def publish(course):
    course.get_latest_revision().publish()
    for lesson in ScormLessonPage.objects.child_of(course):
        lesson.get_latest_revision().publish()
    course.refresh_from_db()


@pytest.fixture
def course12(db, expert):
    make_catalogue()
    _package, course = import_package(fileobj=fixture_zip("sco12"), author=expert)
    publish(course)
    return course


@pytest.fixture
def course2004(db, expert):
    make_catalogue()
    _package, course = import_package(fileobj=fixture_zip("sco2004"), author=expert)
    publish(course)
    return course


def lessons(course):
    return list(ScormLessonPage.objects.child_of(course).live().order_by("path"))


def launch(client, lesson):
    response = client.post(f"/scorm/lessons/{lesson.pk}/launch/")
    return response, (response.json() if response["Content-Type"] == "application/json" else None)


def commit(client, config, sequence, cmi):
    return client.post(config["commit_url"], json.dumps({"launch": config["launch"], "sequence": sequence, "cmi": cmi}),
                       content_type="application/json")


def state(learner, lesson):
    return ScormRuntime.objects.get(learner=learner, item=lesson.item)


def test_launch_needs_an_enrolment(client, learner, course12):
    client.force_login(learner)
    response, _config = launch(client, lessons(course12)[0])
    assert response.status_code == 403
    assert ScormRuntime.objects.count() == 0


def test_a_first_launch_starts_ab_initio_with_the_package_limits(client, learner, course12):
    enrol(learner, course12)
    client.force_login(learner)
    response, config = launch(client, lessons(course12)[0])
    assert response.status_code == 200
    assert config["version"] == "1.2" and config["content_url"].endswith("/index.html")
    cmi = config["cmi"]
    assert cmi["cmi.core.entry"] == "ab-initio" and cmi["cmi.core.lesson_status"] == "not attempted"
    assert cmi["cmi.student_data.mastery_score"] == "80"
    assert cmi["cmi.student_data.max_time_allowed"] == "00:30:00"
    assert cmi["cmi.core.student_id"] == str(learner.pk)


def test_commits_persist_status_score_time_location_and_suspend_data_and_resume(client, learner, course12):
    enrol(learner, course12)
    client.force_login(learner)
    lesson = lessons(course12)[0]
    _r, config = launch(client, lesson)
    response = commit(client, config, 1, {
        "cmi.core.lesson_status": "incomplete", "cmi.core.lesson_location": "page-2", "cmi.core.exit": "suspend",
        "cmi.suspend_data": "step=2", "cmi.core.session_time": "00:01:30", "cmi.core.score.raw": "40",
    })
    assert response.status_code == 200 and response.json()["applied"] is True
    saved = state(learner, lesson)
    assert (saved.lesson_status, saved.location, saved.suspend_data) == ("incomplete", "page-2", "step=2")
    assert (saved.total_seconds, saved.score_raw) == (90, 40)
    _r, again = launch(client, lesson)
    cmi = again["cmi"]
    assert (cmi["cmi.core.entry"], cmi["cmi.core.lesson_location"], cmi["cmi.suspend_data"]) == ("resume", "page-2", "step=2")
    assert cmi["cmi.core.total_time"] == "0000:01:30.00"
    commit(client, again, 1, {"cmi.core.session_time": "00:00:30", "cmi.core.lesson_status": "incomplete"})
    assert state(learner, lesson).total_seconds == 120  # 90 before this launch + 30 in it


def test_a_replayed_or_late_commit_changes_nothing(client, learner, course12):
    enrol(learner, course12)
    client.force_login(learner)
    lesson = lessons(course12)[0]
    _r, config = launch(client, lesson)
    commit(client, config, 2, {"cmi.core.lesson_location": "page-3", "cmi.core.lesson_status": "incomplete"})
    late = commit(client, config, 1, {"cmi.core.lesson_location": "page-1", "cmi.core.lesson_status": "incomplete"})
    replay = commit(client, config, 2, {"cmi.core.lesson_location": "page-1", "cmi.core.lesson_status": "incomplete"})
    assert late.status_code == replay.status_code == 200
    assert late.json()["applied"] is replay.json()["applied"] is False
    assert state(learner, lesson).location == "page-3"


def test_a_commit_from_a_window_another_launch_replaced_is_refused(client, learner, course12):
    enrol(learner, course12)
    client.force_login(learner)
    lesson = lessons(course12)[0]
    _r, old = launch(client, lesson)
    _r, _new = launch(client, lesson)
    response = commit(client, old, 5, {"cmi.core.lesson_location": "old-window"})
    assert response.status_code == 409
    assert state(learner, lesson).location == ""


def test_a_commit_after_the_session_expired_is_refused_and_keeps_what_was_saved(client, learner, course12):
    enrol(learner, course12)
    client.force_login(learner)
    lesson = lessons(course12)[0]
    _r, config = launch(client, lesson)
    commit(client, config, 1, {"cmi.core.lesson_location": "page-2", "cmi.suspend_data": "kept"})
    client.logout()
    response = commit(client, config, 2, {"cmi.core.lesson_location": "page-9", "cmi.suspend_data": ""})
    assert response.status_code == 401
    saved = state(learner, lesson)
    assert (saved.location, saved.suspend_data, saved.last_sequence) == ("page-2", "kept", 1)


def test_another_learner_cannot_commit_to_my_session(client, learner, other_learner, course12):
    enrol(learner, course12)
    enrol(other_learner, course12)
    client.force_login(learner)
    _r, config = launch(client, lessons(course12)[0])
    client.force_login(other_learner)
    assert commit(client, config, 1, {"cmi.core.lesson_location": "x"}).status_code == 404


def test_bad_commits_are_refused(client, learner, course12):
    enrol(learner, course12)
    client.force_login(learner)
    _r, config = launch(client, lessons(course12)[0])
    assert client.post(config["commit_url"], "not json", content_type="application/json").status_code == 400
    assert commit(client, config, 0, {}).status_code == 400
    assert commit(client, config, 1, ["cmi"]).status_code == 400
    assert commit(client, config, 1, {"cmi.suspend_data": "x" * 70000}).status_code == 400


def test_completing_every_item_completes_the_course_with_a_certificate(client, learner, course12,
                                                                        django_capture_on_commit_callbacks):
    badge = Badge.objects.create(name="First course", slug="first-course", description="A first course.", criterion=Criterion.EVENT_COUNT,
                                 reason=Reason.COURSE_COMPLETED, threshold=1)
    enrol(learner, course12)
    client.force_login(learner)
    sco, asset = lessons(course12)
    _r, config = launch(client, sco)
    commit(client, config, 1, {"cmi.core.lesson_status": "completed", "cmi.core.score.raw": "85",
                               "cmi.core.session_time": "00:02:00"})
    saved = state(learner, sco)
    assert (saved.lesson_status, saved.success_status, str(saved.score_scaled)) == ("passed", "passed", "0.8500")
    assert LessonCompletion.objects.filter(lesson_id=sco.pk, enrolment__learner=learner).exists()
    assert LearningEvent.objects.filter(actor=learner, verb="passed", object_id=sco.pk).get().result["score"]["raw"] == 85
    enrolment = Enrolment.objects.get(learner=learner, course=course12)
    assert enrolment.progress == 50
    with django_capture_on_commit_callbacks(execute=True):  # rewards follow the completion's commit
        launch(client, asset)  # an asset is done once launched
    enrolment.refresh_from_db()
    assert enrolment.status == "completed" and enrolment.certificates.exists()
    # Rewarded like any course: the completion's points and a first-course badge.
    entry = RewardLedgerEntry.objects.get(person=learner, reason=Reason.COURSE_COMPLETED)
    assert (entry.source_id, entry.points > 0) == (str(enrolment.pk), True)
    assert BadgeAward.objects.filter(badge=badge, person=learner).exists()


def test_below_the_mastery_score_a_12_sco_fails_and_the_lesson_stays_open(client, learner, course12):
    enrol(learner, course12)
    client.force_login(learner)
    sco = lessons(course12)[0]
    _r, config = launch(client, sco)
    commit(client, config, 1, {"cmi.core.lesson_status": "completed", "cmi.core.score.raw": "70"})
    assert state(learner, sco).lesson_status == "failed"
    assert not LessonCompletion.objects.filter(lesson_id=sco.pk).exists()
    assert LearningEvent.objects.filter(actor=learner, verb="failed", object_id=sco.pk).exists()


def test_a_2004_sco_is_judged_against_its_scaled_passing_score(client, learner, course2004):
    enrol(learner, course2004)
    client.force_login(learner)
    sco = lessons(course2004)[0]
    _r, config = launch(client, sco)
    assert config["cmi"]["cmi.scaled_passing_score"] == "0.7"
    commit(client, config, 1, {"cmi.completion_status": "completed", "cmi.success_status": "passed",
                               "cmi.score.scaled": "0.5", "cmi.session_time": "PT1M"})
    saved = state(learner, sco)
    assert (saved.completion_status, saved.success_status, saved.total_seconds) == ("completed", "failed", 60)
    assert not LessonCompletion.objects.filter(lesson_id=sco.pk).exists()
    commit(client, config, 2, {"cmi.completion_status": "completed", "cmi.score.scaled": "0.9"})
    assert state(learner, sco).success_status == "passed"
    assert Enrolment.objects.get(learner=learner, course=course2004).status == "completed"


def test_a_scorm_lesson_cannot_be_marked_complete_by_hand(learner, course12):
    enrol(learner, course12)
    with pytest.raises(LearningError, match="completes itself"):
        course_services.complete_lesson(learner=learner, lesson=lessons(course12)[0])


def test_an_author_previews_without_anything_being_stored(client, expert, db):
    make_catalogue()
    _package, course = import_package(fileobj=fixture_zip("sco12"), author=expert)
    lesson = ScormLessonPage.objects.child_of(course).first()
    client.force_login(expert)
    response, config = launch(client, lesson)
    assert response.status_code == 200 and config["commit_url"] is None
    assert client.get(config["content_url"]).status_code == 200
    assert ScormRuntime.objects.count() == 0


def test_a_stale_launch_id_is_not_a_uuid_leak(client, learner, course12):
    enrol(learner, course12)
    client.force_login(learner)
    _r, config = launch(client, lessons(course12)[0])
    config["launch"] = str(uuid.uuid4())
    assert commit(client, config, 1, {}).status_code == 409

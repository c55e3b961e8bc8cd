"""Real SCOs (tests/scorm/fixtures: one SCORM 1.2, one SCORM 2004) in Chromium: the learner saves
progress, Guild stores it, a relaunch resumes there; finishing completes the lesson and the course."""

import pytest
from playwright.sync_api import expect

from courses.models import Enrolment
from courses.scorm.models import ScormLessonPage, ScormRuntime
from courses.scorm.services.importing import import_package
from tests.support.browser import sign_in
from tests.support.courses import enrol, make_catalogue
from tests.support.people import PASSWORD

from .conftest import fixture_zip

CASES = {
    "sco12": {"status_key": "lesson_status", "saved": "incomplete", "finished": ("passed", "passed")},
    "sco2004": {"status_key": "completion_status", "saved": "incomplete", "finished": ("completed", "passed")},
}


def published(expert, name):
    make_catalogue()
    _package, course = import_package(fileobj=fixture_zip(name), author=expert)
    course.get_latest_revision().publish()
    for lesson in ScormLessonPage.objects.child_of(course):
        lesson.get_latest_revision().publish()
    course.refresh_from_db()
    return course


def open_sco(page, lesson_url):
    page.goto(lesson_url)
    page.get_by_role("button", name="Start the lesson").click()
    frame = page.frame_locator("iframe[title]")
    frame.get_by_role("heading", level=1).wait_for()
    return frame


def stored(learner, lesson):
    return ScormRuntime.objects.get(learner=learner, lesson_id=lesson.pk)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", list(CASES))
def test_a_learner_saves_resumes_and_finishes_a_real_sco(page, learner, expert, name):
    case = CASES[name]
    course = published(expert, name)
    enrol(learner, course)
    lesson = ScormLessonPage.objects.child_of(course).live().order_by("path").first()
    sign_in(page, learner.email, PASSWORD)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    frame = open_sco(page, lesson.url)
    expect(frame.locator("#entry")).to_have_text("ab-initio")
    expect(frame.locator("#learner")).to_have_text(learner.get_full_name())
    frame.get_by_role("button", name="Save progress").click()
    frame.get_by_text("Finished").wait_for()
    state = _wait_for(lambda: stored(learner, lesson), lambda s: s.suspend_data == "step=2;answers=b,c")
    assert (state.location, getattr(state, case["status_key"]), state.exit) == ("page-2", case["saved"], "suspend")
    assert state.total_seconds == 90

    frame = open_sco(page, lesson.url)  # a new launch: the SCO resumes where the learner left off
    expect(frame.locator("#entry")).to_have_text("resume")
    expect(frame.locator("#location")).to_have_text("page-2")
    expect(frame.locator("#suspend")).to_have_text("step=2;answers=b,c")
    frame.get_by_role("button", name="Finish").click()
    frame.get_by_text("Finished").wait_for()
    state = _wait_for(lambda: stored(learner, lesson), lambda s: s.completed_at is not None)
    assert (getattr(state, case["status_key"]), state.success_status) == case["finished"]
    assert state.total_seconds == 210  # 90 s before, 120 s in this session
    assert state.score_raw in (85, 90)

    page.reload()
    page.get_by_text("Lesson complete").wait_for()
    assert errors == []
    if name == "sco2004":  # one lesson: the course is complete, with its certificate
        enrolment = Enrolment.objects.get(learner=learner, course=course)
        assert enrolment.status == "completed" and enrolment.certificates.exists()


def _wait_for(read, ready, attempts=50):
    import time

    value = None
    for _ in range(attempts):
        value = read()
        if ready(value):
            return value
        time.sleep(0.1)
    return value

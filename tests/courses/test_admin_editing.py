"""The learner-facing additions to the page models keep Wagtail's editor and preview working."""

import pytest
from django.test import RequestFactory

from courses.models import LessonPage
from tests.support.courses import QUESTION, enrol, lessons_of, make_course
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def test_an_editor_can_open_the_editor_for_courses_and_lessons(client):
    editor = make_user(is_superuser=True, is_staff=True)
    course = make_course("Course", lessons=1)
    client.force_login(editor)
    for page in (course, lessons_of(course)[0]):
        assert client.get(f"/cms/pages/{page.pk}/edit/").status_code == 200
    assert client.get(f"/cms/pages/add/courses/lessonpage/{course.pk}/").status_code == 200


def test_previews_render_saved_and_unsaved_pages_without_logging_a_view(learner):
    course = make_course("Previewed course", lessons=1)
    enrol(learner, course)
    original = RequestFactory().get("/cms/")
    original.user = learner
    assert "Previewed course" in course.make_preview_request(original).content.decode()
    new_lesson = LessonPage(title="Brand new lesson", slug="brand-new", body=[{"type": "question", "value": QUESTION}])
    new_lesson.depth = course.depth + 1
    new_lesson.path = lessons_of(course)[-1]._inc_path()
    html = new_lesson.make_preview_request(original).content.decode()
    assert "Brand new lesson" in html and "Which clause filters rows" in html
    assert not learner.learning_events.filter(verb="experienced").exists()

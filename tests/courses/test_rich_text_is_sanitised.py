"""Lesson rich text that arrives outside the editor (imports, API, demo) is cleaned on output."""

import pytest

from tests.support.courses import enrol, make_course, make_lesson

pytestmark = pytest.mark.django_db


def test_scripts_and_handlers_in_lesson_text_never_reach_the_page(client, learner):
    course = make_course("Course", lessons=0)
    body = [
        {"type": "text", "value": '<p>Safe words</p><script>alert("x")</script><img src="x" onerror="alert(1)">'},
        {"type": "callout", "value": {"kind": "tip", "text": '<p onclick="alert(2)">Tip <a href="javascript:alert(3)">link</a></p>'}},
        {"type": "code", "value": {"language": "sql", "code": "SELECT '<script>alert(4)</script>';", "caption": ""}},
    ]
    lesson = make_lesson(course, title="Imported", body=body)
    enrol(learner, course)
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    assert "Safe words" in html and "Tip" in html
    for payload in ('<script>alert("x")', "onerror=", "onclick=", "javascript:alert", "<script>alert(4)"):
        assert payload not in html, payload
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in html  # code samples are shown, escaped

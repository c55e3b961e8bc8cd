"""Wagtail's page explorer lists a course's lessons in the course's order (issue 19, found 9)."""

import pytest

from tests.support.courses import lessons_of, make_course

pytestmark = pytest.mark.django_db


def test_the_explorer_lists_lessons_in_course_order_whatever_was_edited_last(client, expert):
    course = make_course("Ordered", authors=[expert], lessons=3, publish=False)
    first = lessons_of(course)[0].get_latest_revision_as_object()
    first.summary = "Edited last."
    first.save_revision(user=expert)
    client.force_login(expert)
    html = client.get(f"/cms/pages/{course.pk}/").content.decode()
    positions = [html.index(f"Lesson {n}") for n in (1, 2, 3)]
    assert positions == sorted(positions)

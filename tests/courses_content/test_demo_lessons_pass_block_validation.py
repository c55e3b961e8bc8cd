"""Every demo lesson body is accepted by the real lesson StreamField, so seeding never stores a broken page."""

import copy

import pytest
from wagtail.blocks import StreamBlockValidationError

from courses.blocks import LessonStreamBlock
from courses.demo_content import COURSES

LESSONS = [(c["slug"], lesson) for c in COURSES for lesson in c["lessons"]]


def validate(body):
    block = LessonStreamBlock()
    value = block.to_python(body)
    assert len(value) == len(body), "a block type the lesson body does not know was dropped"
    block.clean(value)


@pytest.mark.parametrize("course_slug,lesson", LESSONS, ids=[f"{c}/{lesson['slug']}" for c, lesson in LESSONS])
def test_a_demo_lesson_body_passes_the_lesson_block_validation(course_slug, lesson):
    validate(lesson["body"])


def test_the_validation_used_above_rejects_a_broken_question():
    # Guards the check itself: a single-choice question with two right answers must not get through.
    lesson = next(lesson for _, lesson in LESSONS if any(b["type"] == "question" for b in lesson["body"]))
    body = copy.deepcopy(lesson["body"])
    question = next(b for b in body if b["type"] == "question")["value"]
    question["kind"] = "single"
    for choice in question["choices"]:
        choice["correct"] = True
    with pytest.raises(StreamBlockValidationError):
        validate(body)

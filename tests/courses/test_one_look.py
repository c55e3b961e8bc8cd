"""One look across the learner's pages: one date format, real plurals, no doubled quotes, no
repeated instructions, no "---------". Issue 20, found 8."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from courses.services import discussions
from tests.support.courses import complete_course_for, enrol, make_course, make_lesson

pytestmark = pytest.mark.django_db

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
OTHER_FORMATS = [
    r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\. \d",  # "Nov. 27, 2026"
    rf"\b({MONTHS}) \d",  # "November 27"
    rf"\d ({MONTHS}) \d{{4}}",  # "27 November 2026"
    r"\b\d{1,2}/\d{1,2}/\d{4}",  # "11/27/2026"
    r"\d (a|p)\.m\.",  # "1:10 p.m."
]


def visible(html):
    return re.sub(r"<[^>]+>", " ", html)


def test_every_date_reads_the_same_way(client, learner, manager):
    due = timezone.localdate() + timedelta(days=12)
    course = make_course("SQL for analysts", lessons=1)
    enrol(learner, course, source="assigned", due_date=due)
    certificate = complete_course_for(learner, make_course("Privacy", lessons=1))
    thread, _post = discussions.start_thread(author=learner, course=course, title="Joins?", body="How?")
    client.force_login(learner)
    pages = {
        "/learning/": date_format(due),
        reverse("courses:certificate", args=[certificate.pk]): date_format(certificate.issued_at),
        course.url: date_format(due),
        reverse("courses:thread", args=[thread.pk]): date_format(timezone.localtime(thread.created_at), "DATETIME_FORMAT"),
    }
    for url, expected in pages.items():
        text = visible(client.get(url).content.decode())
        assert re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}(, \d\d:\d\d)?", expected)
        assert expected in text, url
        for pattern in OTHER_FORMATS:
            assert not re.search(pattern, text), (url, pattern, re.search(pattern, text).group(0))


def test_the_monthly_summary_uses_real_plurals():
    from rewards.models import MonthlySummary
    from rewards.recognition import summary_text

    one = summary_text(MonthlySummary(courses_published=1, reviews=0, answers=2, useful_marks=1, learners_reached=3,
                                      points=1))
    assert "(s)" not in one
    assert one.startswith("1 course published, 0 reviews, 2 questions answered, 1 learner found a lesson useful, "
                          "3 learners completed their courses; 1 point.")


def test_a_quoted_answer_is_not_quoted_twice_and_the_hint_is_said_once(client, learner):
    course = make_course("Feedback", lessons=0, quiz=False)
    question = {
        "prompt": "Which of these belong in a 1:1 document?", "kind": "multiple", "explanation": "",
        "choices": [
            {"text": "“Thoughts?” with the document attached.", "correct": False, "feedback": "Too vague."},
            {"text": "Decisions", "correct": True, "feedback": ""},
            {"text": "Actions", "correct": True, "feedback": ""},
        ],
    }
    lesson = make_lesson(course, title="One to ones", body=[{"type": "question", "value": question}])
    enrol(learner, course)
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    assert html.count("Choose every right answer.") == 1 and "(choose every right answer)" not in html
    block_id = lesson.questions()[0][0]
    response = client.post(f"/learning/lessons/{lesson.pk}/quiz/", {"attempt": 1, f"q-{block_id}": ["0"]})
    html = client.get(response.url.split("#")[0]).content.decode()
    assert "You chose “Thoughts?” with the document attached." in html
    assert "““" not in html and "””" not in html


def test_demo_questions_leave_the_multiple_choice_hint_to_the_page():
    from courses.demo_content import COURSES

    assert "Choose all that apply" not in repr(COURSES)


def test_no_select_shows_djangos_dashes(client, manager):
    make_course("Working safely", lessons=1, quiz=False)
    client.force_login(manager)
    for url in ("/automation/rules/new/", "/team/"):
        html = client.get(url).content.decode()
        assert "---------" not in html, url
    assert ">Choose…</option>" in client.get("/team/").content.decode()

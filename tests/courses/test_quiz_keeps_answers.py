"""A refused quiz keeps the learner's answers and says why beside the quiz. Issue 20, found 2."""

import re

import pytest

from courses.models import QuizAttempt
from tests.support.courses import QUESTION, enrol, make_course, make_lesson

pytestmark = pytest.mark.django_db

MULTIPLE = {
    "prompt": "Which clauses can filter?",
    "kind": "multiple",
    "choices": [
        {"text": "WHERE", "correct": True, "feedback": ""},
        {"text": "HAVING", "correct": True, "feedback": ""},
        {"text": "ORDER BY", "correct": False, "feedback": ""},
    ],
    "explanation": "",
}


@pytest.fixture
def lesson():
    course = make_course("SQL", lessons=0, quiz=False)
    body = [{"type": "question", "value": QUESTION}, {"type": "question", "value": {**QUESTION, "prompt": "Second?"}},
            {"type": "question", "value": MULTIPLE}]
    return make_lesson(course, title="Filtering", body=body)


def test_a_missing_answer_keeps_the_others_and_shows_the_message_by_the_quiz(client, learner, lesson):
    enrol(learner, lesson.get_parent().specific)
    client.force_login(learner)
    (q1, _), (q2, _), (q3, _) = lesson.questions()
    response = client.post(f"/learning/lessons/{lesson.pk}/quiz/", {"attempt": 1, f"q-{q1}": ["0"], f"q-{q2}": ["2"]})

    assert response.url.endswith("#quiz-error")
    html = client.get(response.url.split("#")[0]).content.decode()
    quiz = html[html.index('id="quiz"'):]
    assert "Which clauses can filter?" in re.search(r'id="quiz-error"[^>]*>([^<]*)<', quiz).group(1)
    assert 'class="messages"' not in html  # not at the top, where nobody looks after the jump
    assert re.search(rf'name="q-{q1}" value="0"[^>]*checked', html)
    assert re.search(rf'name="q-{q2}" value="2"[^>]*checked', html)
    assert not re.search(rf'name="q-{q3}" value="\d"[^>]*checked', html)
    assert not QuizAttempt.objects.exists()

    # Shown once: the next visit starts clean.
    again = client.get(response.url.split("#")[0]).content.decode()
    assert 'id="quiz-error"' not in again and "checked" not in again

"""The per-course report (enrolled, completion funnel, quiz item analysis, ratings and reactions over
time) for L&D admins and the course's authors, and the per-learner transcript for L&D admins and the
person's manager."""

import csv
import io

import pytest
from django.urls import reverse

from courses import services
from governance.reports.subscriptions import subscribe
from guild.people.roles import Role
from tests.support.courses import QUESTION, enrol, lessons_of, make_course, make_lesson
from tests.support.people import make_user

pytestmark = pytest.mark.django_db

SECOND = {**QUESTION, "prompt": "Which clause sorts the result?",
          "choices": [{"text": "ORDER BY", "correct": True, "feedback": ""},
                      {"text": "GROUP BY", "correct": False, "feedback": ""}]}


def _answers(lesson, *rights):
    """The quiz answers with question i answered right when rights[i], wrong otherwise."""
    out = {}
    for (block_id, question), right in zip(lesson.questions(), rights, strict=True):
        pick = next(i for i, c in enumerate(question["choices"]) if c["correct"] == right)
        out[block_id] = [str(pick)]
    return out


@pytest.fixture
def sql_course(expert, team):
    """Two text lessons and a quiz of two questions. A: first attempt gets the first question wrong, the
    second passes; B: both wrong; C: both right. A rated it 4 stars and found a lesson useful."""
    course = make_course("SQL report", authors=[expert], lessons=2, quiz=False)
    quiz = make_lesson(course, title="Quiz", body=[{"type": "question", "value": QUESTION},
                                                   {"type": "question", "value": SECOND}])
    first, second = lessons_of(course)[:2]
    a, b, c = (make_user(team=team, first_name=name) for name in ("Ada", "Ben", "Cy"))
    for person in (a, b, c):
        enrol(person, course)
    enrol(make_user(team=team), course)
    for lesson in (first, second):
        services.complete_lesson(learner=a, lesson=lesson)
    services.complete_lesson(learner=b, lesson=first)
    services.submit_quiz(learner=a, lesson=quiz, answers=_answers(quiz, False, True))
    services.submit_quiz(learner=a, lesson=quiz, answers=_answers(quiz, True, True))
    services.submit_quiz(learner=b, lesson=quiz, answers=_answers(quiz, False, False))
    services.submit_quiz(learner=c, lesson=quiz, answers=_answers(quiz, True, True))
    services.rate_course(learner=a, course=course, stars=4, relevant=True)
    services.react(learner=a, lesson=first, kind="useful")
    return course


def test_the_course_report_shows_the_funnel_and_the_question_most_people_get_wrong_first(client, ld_admin, sql_course):
    client.force_login(ld_admin)
    response = client.get(reverse("governance:course_report", args=[sql_course.pk]))
    report = response.context["report"]
    assert (report.enrolled, report.completed) == (4, 1)  # Ada did every lesson and passed
    assert [(title, n) for title, n, _pct in report.funnel] == [("Lesson 1", 2), ("Lesson 2", 1), ("Quiz", 2)]
    by_prompt = {q.prompt: q for q in report.questions}
    first, second = by_prompt[QUESTION["prompt"]], by_prompt[SECOND["prompt"]]
    assert (first.attempts, first.correct_pct, first.wrong_first, first.hardest) == (4, 50.0, 2, True)
    assert (second.attempts, second.correct_pct, second.wrong_first, second.hardest) == (4, 75.0, 1, False)
    html = response.content.decode()
    hardest_row = html.split('data-testid="hardest-question"', 1)[1].split("</tr>", 1)[0]
    assert QUESTION["prompt"] in hardest_row and "Most often wrong first" in hardest_row
    assert 'data-chart="course-feedback"' in html and 'data-chart="course-stars"' in html
    feedback = report.charts[0]
    assert feedback.rows[-1][1:3] == [1, 1]  # this month: one rating, one "useful"


def test_the_course_report_exports_as_csv(client, expert, sql_course):
    client.force_login(expert)
    response = client.get(reverse("governance:course_report_export", args=[sql_course.pk, "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["section", "item", "measure", "value"]
    assert ["enrolment", "Enrolled", "", "4"] in rows
    assert ["quiz", f"Quiz · {QUESTION['prompt']}", "% correct", "50.0"] in rows


def test_only_ld_admins_and_the_course_authors_see_a_course_report(client, ld_admin, expert, other_expert, manager,
                                                                   learner, executive, sql_course):
    url = reverse("governance:course_report", args=[sql_course.pk])
    for person, status in ((ld_admin, 200), (expert, 200), (other_expert, 403), (manager, 403), (learner, 403),
                           (executive, 403)):
        client.force_login(person)
        assert client.get(url).status_code == status, person
        assert client.get(reverse("governance:course_report_export", args=[sql_course.pk, "xlsx"])).status_code == status
    client.force_login(ld_admin)
    assert client.get(reverse("governance:course_report", args=[999999])).status_code == 404


def test_a_course_report_runs_the_same_queries_at_two_sizes(client, ld_admin, expert, team):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    course = make_course("Sized report", authors=[expert], lessons=2, quiz=True)
    quiz = lessons_of(course)[-1]
    client.force_login(ld_admin)
    counts = []
    for size in (2, 20):
        for _ in range(size):
            person = make_user(team=team)
            enrol(person, course)
            services.submit_quiz(learner=person, lesson=quiz, answers=_answers(quiz, False))
            services.rate_course(learner=person, course=course, stars=3)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("governance:course_report", args=[course.pk])).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_an_author_subscribes_to_their_course_report_and_no_one_else_can(expert, other_expert, sql_course):
    assert subscribe(subscriber=expert, report="course", target=str(sql_course.pk), params={},
                     frequency="monthly").subscription
    refused = subscribe(subscriber=other_expert, report="course", target=str(sql_course.pk), params={},
                        frequency="monthly")
    assert "cannot see this report" in refused.error


def test_the_transcript_is_for_ld_admins_and_the_persons_manager(client, ld_admin, manager, learner, other_learner,
                                                                  team, sql_course):
    ada = sql_course.enrolments.get(learner__first_name="Ada").learner
    url = reverse("governance:learner_report", args=[ada.pk])
    elsewhere = make_user(Role.MANAGER)
    for person, status in ((ld_admin, 200), (manager, 200), (elsewhere, 403), (learner, 403)):
        client.force_login(person)
        assert client.get(url).status_code == status, person
    client.force_login(manager)
    html = client.get(url).content.decode()
    assert 'data-testid="transcript"' in html and "SQL report" in html and "Reminder" not in html
    rows = list(csv.reader(io.StringIO(client.get(reverse("governance:learner_report_export", args=[ada.pk, "csv"]))
                                       .content.decode())))
    assert rows[0][0] == "Course" and rows[1][0] == "SQL report"
    # The manager's own team page shows the same transcript, with its reminder column.
    team_html = client.get(reverse("automation:team_person", args=[ada.pk])).content.decode()
    assert 'data-testid="transcript"' in team_html and "Reminder" in team_html

"""The author's workspace: drafts, courses in review, published courses with feedback, reviews to do."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.support.courses import lessons_of, make_course
from tests.support.review import make_reviewer, submit_for_review

pytestmark = pytest.mark.django_db


def test_the_workspace_shows_drafts_reviews_and_published_courses(client, catalogue, expert):
    make_reviewer("SQL"), make_reviewer("SQL")
    make_course("My draft", authors=[expert], publish=False)
    in_review = make_course("Under review", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(in_review, expert)
    make_course("Already live", authors=[expert])
    client.force_login(expert)
    response = client.get(reverse("sme:workspace"))
    assert response.status_code == 200
    ws = response.context["ws"]
    assert [c.title for c in ws.drafts] == ["My draft"]
    assert [r.course.title for r in ws.in_review] == ["Under review"]
    assert len(ws.in_review[0].reviewers) == 2 and ws.in_review[0].step == "Peer review"
    assert [c.title for c in ws.published] == ["Already live"]


def test_another_experts_courses_are_not_in_my_workspace(client, catalogue, expert, other_expert):
    make_course("Not mine", authors=[other_expert], publish=False)
    client.force_login(expert)
    assert "Not mine" not in client.get(reverse("sme:workspace")).text


def test_a_learner_cannot_open_the_workspace(client, learner):
    client.force_login(learner)
    assert client.get(reverse("sme:workspace")).status_code == 403


def test_an_author_answers_a_learners_question_from_the_workspace(client, catalogue, expert, learner):
    from courses import services as course_services

    course = make_course("Live", authors=[expert], lessons=1)
    course_services.enrol(learner=learner, course=course)
    reaction, _ = course_services.react(learner=learner, lesson=lessons_of(course)[0], kind="question", text="Why WHERE?")
    client.force_login(expert)
    assert "Why WHERE?" in client.get(reverse("sme:workspace")).text
    client.post(reverse("sme:answer_question", args=[reaction.pk]), {"answer": "Because it runs first."})
    reaction.refresh_from_db()
    assert reaction.answer == "Because it runs first." and reaction.answered_by == expert


def test_another_expert_cannot_answer_questions_on_my_course(client, catalogue, expert, other_expert, learner):
    from courses import services as course_services

    course = make_course("Live", authors=[expert], lessons=1)
    course_services.enrol(learner=learner, course=course)
    reaction, _ = course_services.react(learner=learner, lesson=lessons_of(course)[0], kind="question", text="Why?")
    client.force_login(other_expert)
    client.post(reverse("sme:answer_question", args=[reaction.pk]), {"answer": "Sneaky"})
    reaction.refresh_from_db()
    assert reaction.answer == ""


def test_the_workspace_runs_a_fixed_number_of_queries(client, catalogue, expert, learner, django_assert_max_num_queries):
    from courses import services as course_services

    make_reviewer("SQL"), make_reviewer("SQL")
    client.force_login(expert)
    counts = []
    for size in (1, 4):
        for n in range(size):
            make_course(f"Draft {size}-{n}", authors=[expert], lessons=1, publish=False)
            review = make_course(f"Review {size}-{n}", authors=[expert], skills=["SQL"], lessons=1, publish=False)
            submit_for_review(review, expert)
            live = make_course(f"Live {size}-{n}", authors=[expert], lessons=1)
            course_services.enrol(learner=learner, course=live)
            course_services.react(learner=learner, lesson=lessons_of(live)[0], kind="question", text="Q?")
            course_services.rate_lesson(learner=learner, lesson=lessons_of(live)[0], stars=1 + n % 5)
        client.get(reverse("sme:workspace"))  # warm the caches (content types, site root paths for page URLs)
        # 22: the review's plain status of each course in review (round numbers, open comments) adds a fixed
        # 4-6, the feed's lessons one, the lessons' ratings one; none grows with the number of courses.
        with django_assert_max_num_queries(22), CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("sme:workspace"))
        assert response.status_code == 200
        assert len(response.context["ws"].lesson_ratings) == len(response.context["ws"].published)
        counts.append(len(queries))
    assert counts[0] == counts[1], counts

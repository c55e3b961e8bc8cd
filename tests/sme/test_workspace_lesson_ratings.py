"""The author's workspace shows how learners rate each lesson of their courses: per course and per
lesson the average and the number of ratings, the weakest first and marked, and what to do while
nothing is rated."""

import pytest
from django.urls import reverse

from courses import services as course_services
from tests.support.courses import lessons_of, make_course
from tests.support.people import make_user
from tests.support.review import make_reviewer, submit_for_review

pytestmark = pytest.mark.django_db


def rate(lesson, *stars):
    for n in stars:
        learner = make_user()
        course_services.enrol(learner=learner, course=lesson.get_parent().specific)
        course_services.rate_lesson(learner=learner, lesson=lesson, stars=n)


def section(html):
    start = html.index('id="lesson-ratings"')
    return html[start:html.index("</section>", start)]


def test_each_course_and_lesson_shows_its_average_and_count_weakest_first(client, catalogue, expert):
    joins = make_course("Joins", authors=[expert], lessons=3, quiz=False)
    inner, left, cross = lessons_of(joins)
    rate(inner, 5, 4)  # 4.5
    rate(left, 2, 1, 3)  # 2.0: low
    rate(cross, 3)  # 3.0: not low
    window = make_course("Window functions", authors=[expert], lessons=1, quiz=False)
    rate(lessons_of(window)[0], 4, 5)  # 4.5
    make_course("Unrated", authors=[expert], lessons=1, quiz=False)
    client.force_login(expert)
    html = section(client.get(reverse("sme:workspace")).content.decode())

    # The course with the weaker lessons first; within it, the weakest lesson first.
    assert html.index("Joins") < html.index("Window functions") and "Unrated" not in html
    assert "Lessons average 3.0/5, from 6 ratings" in html  # (5+4+2+1+3+3) / 6, each rating weighs one
    assert "Lessons average 4.5/5, from 2 ratings" in html
    joins_html = html[html.index("Joins"):html.index("Window functions")]
    assert joins_html.index(left.title) < joins_html.index(cross.title) < joins_html.index(inner.title)
    at = joins_html.index(left.title)
    row = joins_html[joins_html.rindex("<tr>", 0, at):joins_html.index("</tr>", at)]
    assert "Low rating" in row and "2.0/5" in row and "<td>3</td>" in row
    assert joins_html.count("Low rating") == 1  # 3.0 is not low
    assert reverse("wagtailadmin_pages:edit", args=[left.pk]) in row  # straight to the lesson to fix


def test_with_no_rating_the_author_is_told_what_to_do(client, catalogue, expert):
    client.force_login(expert)
    html = section(client.get(reverse("sme:workspace")).content.decode())
    assert "No lesson rated yet. Once a course of yours is live" in html
    make_course("Joins", authors=[expert], lessons=1, quiz=False)
    html = section(client.get(reverse("sme:workspace")).content.decode())
    assert "No lesson rated yet. Learners rate each lesson at its end: share your published courses" in html


def test_another_authors_lesson_ratings_are_not_in_my_workspace(client, catalogue, expert, other_expert):
    theirs = make_course("Their course", authors=[other_expert], lessons=1, quiz=False)
    rate(lessons_of(theirs)[0], 1)
    client.force_login(expert)
    html = section(client.get(reverse("sme:workspace")).content.decode())
    assert "Their course" not in html and "No lesson rated yet" in html


def test_a_live_course_back_in_review_keeps_its_lesson_ratings_in_view(client, catalogue, expert):
    make_reviewer("SQL"), make_reviewer("SQL")
    course = make_course("Joins", authors=[expert], skills=["SQL"], lessons=1, quiz=False)
    rate(lessons_of(course)[0], 2)
    submit_for_review(course, expert)
    client.force_login(expert)
    html = section(client.get(reverse("sme:workspace")).content.decode())
    assert "Joins" in html and "Low rating" in html

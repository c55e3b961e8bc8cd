"""Only live content reaches learners: drafts and unpublished changes are not reachable at any URL."""

import pytest

from courses.models import CoursePage
from tests.support.courses import (
    enrol,
    lessons_of,
    make_course,
    make_lesson,
    quiz_lesson,
    right_answers,
)

pytestmark = pytest.mark.django_db


def test_a_draft_course_and_its_lessons_are_not_found(client, learner):
    draft = make_course("Secret draft course", publish=False)
    client.force_login(learner)
    assert client.get(draft.url or "/courses/" + draft.slug + "/").status_code == 404
    for lesson in lessons_of(draft):
        assert client.get(f"/courses/{draft.slug}/{lesson.slug}/").status_code == 404


def test_the_catalogue_and_its_search_never_list_drafts(client, learner):
    make_course("Published statistics", skills=["Statistics"])
    make_course("Draft statistics", skills=["Statistics"], publish=False)
    client.force_login(learner)
    for url in ("/courses/", "/courses/?q=statistics", "/courses/?q=statistics&sort=popular", "/courses/?skill=statistics"):
        html = client.get(url).content.decode()
        assert "Published statistics" in html and "Draft statistics" not in html, url


def test_actions_on_draft_content_are_not_found(client, learner):
    live = make_course("Live course", lessons=1)
    enrol(learner, live)
    draft_lesson = make_lesson(live, title="Unreviewed lesson", publish=False)
    draft = make_course("Draft course", publish=False)
    client.force_login(learner)
    assert client.post(f"/learning/courses/{draft.pk}/enrol/").status_code == 404
    assert client.post(f"/learning/lessons/{draft_lesson.pk}/complete/").status_code == 404
    lesson = quiz_lesson(draft)
    answers = {f"q-{k}": v for k, v in right_answers(lesson).items()}
    assert client.post(f"/learning/lessons/{lesson.pk}/quiz/", answers).status_code == 404
    assert client.post(f"/learning/lessons/{draft_lesson.pk}/reactions/", {"kind": "useful"}).status_code == 404
    assert client.get(f"/learning/courses/{draft.pk}/discussion/").status_code == 404


def test_an_unpublished_draft_lesson_is_left_out_of_the_outline_and_the_progress(client, learner):
    course = make_course("Course", lessons=1, quiz=False)
    make_lesson(course, title="Work in progress", publish=False)
    enrol(learner, course)
    client.force_login(learner)
    html = client.get(course.url).content.decode()
    assert "Work in progress" not in html
    client.post(f"/learning/lessons/{lessons_of(course)[0].pk}/complete/")
    assert learner.enrolments.get().status == "completed"


def test_changes_in_review_are_not_shown_until_published(client, learner):
    course = make_course("Original title", lessons=1)
    page = CoursePage.objects.get(pk=course.pk)
    page.title = "Edited title awaiting review"
    page.summary = "New summary with <script>alert(1)</script>"
    page.save_revision()  # saved, not published: what a course in review looks like
    client.force_login(learner)
    html = client.get(course.url).content.decode()
    assert "Original title" in html and "Edited title awaiting review" not in html
    assert "Edited title" not in client.get("/courses/").content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(client):
    course = make_course("Any course", lessons=1)
    for url in ("/courses/", course.url, lessons_of(course)[0].url, "/learning/"):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url, url

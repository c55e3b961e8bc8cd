"""Reactions, ratings and discussions: validation, idempotency, counters and XSS."""

import pytest

from courses import services
from courses.models import (
    CourseRating,
    CourseStats,
    DiscussionPost,
    DiscussionThread,
    LessonReaction,
)
from tests.support.courses import enrol, lessons_of, make_course

pytestmark = pytest.mark.django_db

XSS = '<script>alert("xss")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def course(learner):
    course = make_course("Giving feedback", lessons=2, quiz=False)
    enrol(learner, course)
    return course


def test_a_question_needs_text_and_a_reaction_counts_once(client, learner, course):
    client.force_login(learner)
    lesson = lessons_of(course)[0]
    response = client.post(f"/learning/lessons/{lesson.pk}/reactions/", {"kind": "question", "text": "  "}, follow=True)
    assert "Write your question" in " ".join(str(m) for m in response.context["messages"])
    client.post(f"/learning/lessons/{lesson.pk}/reactions/", {"kind": "useful"})
    client.post(f"/learning/lessons/{lesson.pk}/reactions/", {"kind": "useful"})
    client.post(f"/learning/lessons/{lesson.pk}/reactions/", {"kind": "bogus"})
    assert list(LessonReaction.objects.values_list("kind", flat=True)) == ["useful"]
    assert CourseStats.objects.get(course=course).useful_count == 1


def test_a_question_with_a_script_is_shown_as_text(client, learner, course):
    client.force_login(learner)
    lesson = lessons_of(course)[0]
    client.post(f"/learning/lessons/{lesson.pk}/reactions/", {"kind": "question", "text": XSS})
    assert LessonReaction.objects.get().text == XSS
    html = client.get(lesson.url).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert CourseStats.objects.get(course=course).question_count == 1


def test_an_oversized_question_is_refused(learner, course):
    with pytest.raises(services.LearningError, match="under 2000"):
        services.react(learner=learner, lesson=lessons_of(course)[0], kind="question", text="x" * 2001)
    assert not LessonReaction.objects.exists()


def test_rating_again_updates_the_rating_and_the_counters(client, learner, course):
    client.force_login(learner)
    client.post(f"/learning/courses/{course.pk}/rating/", {"stars": "5", "relevant": "yes"})
    client.post(f"/learning/courses/{course.pk}/rating/", {"stars": "3", "relevant": "no"})
    rating = CourseRating.objects.get()
    assert (rating.stars, rating.relevant) == (3, False)
    stats = CourseStats.objects.get(course=course)
    assert (stats.rating_sum, stats.rating_count, stats.relevant_yes, stats.relevant_count) == (3, 1, 0, 1)


@pytest.mark.parametrize("stars", ["0", "6", "", "five"])
def test_a_rating_outside_1_to_5_is_refused(client, learner, course, stars):
    client.force_login(learner)
    response = client.post(f"/learning/courses/{course.pk}/rating/", {"stars": stars}, follow=True)
    assert "from 1 to 5" in " ".join(str(m) for m in response.context["messages"])
    assert not CourseRating.objects.exists()


def test_rating_a_course_one_has_not_taken_is_refused(other_learner, course):
    with pytest.raises(services.LearningError):
        services.rate_course(learner=other_learner, course=course, stars=1)


def test_a_discussion_with_replies_renders_scripts_inert(client, learner, other_learner, course):
    client.force_login(learner)
    response = client.post(f"/learning/courses/{course.pk}/discussion/", {"title": XSS, "body": XSS})
    thread = DiscussionThread.objects.get()
    assert response.url == f"/learning/discussions/{thread.pk}/"
    client.force_login(other_learner)
    first = thread.posts.get()
    client.post(f"/learning/discussions/{thread.pk}/", {"body": "Agreed " + XSS, "parent": first.pk})
    html = client.get(f"/learning/discussions/{thread.pk}/").content.decode()
    assert "<script>alert" not in html and "onerror=alert" not in html.replace("&lt;img src=x onerror=alert(1)&gt;", "")
    assert DiscussionThread.objects.get().post_count == 2
    assert DiscussionPost.objects.filter(parent=first).count() == 1


def test_an_oversized_message_is_refused_and_keeps_the_text(client, learner, course):
    client.force_login(learner)
    thread, _ = services.start_thread(author=learner, course=course, title="Notes", body="First")
    response = client.post(f"/learning/discussions/{thread.pk}/", {"body": "y" * 5001}, follow=True)
    assert "keep it under 5000" in " ".join(str(m) for m in response.context["messages"])
    assert DiscussionPost.objects.count() == 1 and DiscussionThread.objects.get().post_count == 1


def test_a_reply_to_a_message_of_another_discussion_is_refused(client, learner, course):
    client.force_login(learner)
    one, first = services.start_thread(author=learner, course=course, title="One", body="First")
    two, _ = services.start_thread(author=learner, course=course, title="Two", body="Second")
    client.post(f"/learning/discussions/{two.pk}/", {"body": "reply", "parent": first.pk})
    assert DiscussionPost.objects.count() == 2


def test_an_author_answers_a_question_and_the_learner_is_told(learner, expert):
    from guild.notifications.models import Notification

    course = make_course("Authored", authors=[expert], lessons=1, quiz=False)
    enrol(learner, course)
    reaction, _ = services.react(learner=learner, lesson=lessons_of(course)[0], kind="question", text="Why?")
    with pytest.raises(services.LearningError):
        services.answer_question(reaction=reaction, answered_by=learner, answer="Because")
    services.answer_question(reaction=reaction, answered_by=expert, answer="Because it helps.")
    assert LessonReaction.objects.get().answer == "Because it helps."
    assert Notification.objects.filter(recipient=learner).exists()

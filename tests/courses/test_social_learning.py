"""Social learning on lessons: reactions show their counts and can be undone (with and without
JavaScript), lessons are rated 1-5 with the average shown to learners and authors."""

import pytest

from courses import services
from courses.models import CourseStats, LessonRating, LessonReaction
from tests.support.courses import enrol, lessons_of, make_course

pytestmark = pytest.mark.django_db

FETCH = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def course(learner, expert):
    course = make_course("Social course", lessons=2, quiz=False, authors=[expert])
    enrol(learner, course)
    return course


@pytest.fixture
def lesson(course):
    return lessons_of(course)[0]


def _url(lesson):
    return f"/learning/lessons/{lesson.pk}/reactions/"


def test_a_reaction_is_counted_and_pressing_it_again_undoes_it(client, learner, other_learner, course, lesson):
    enrol(other_learner, course)
    client.force_login(other_learner)
    client.post(_url(lesson), {"kind": "useful"})
    client.force_login(learner)
    client.post(_url(lesson), {"kind": "useful"})
    html = client.get(lesson.url).content.decode()
    assert 'name="undo" value="useful"' in html  # pressed: the same button now undoes
    assert '<span class="reaction__count" data-testid="count-useful">2</span>' in html
    assert CourseStats.objects.get(course=course).useful_count == 2

    response = client.post(_url(lesson), {"undo": "useful"}, follow=True)
    assert "Your reaction is removed." in response.content.decode()
    assert not LessonReaction.objects.filter(learner=learner).exists()
    assert CourseStats.objects.get(course=course).useful_count == 1
    # Undoing again (a double click) changes nothing and does not push the counter below the truth.
    client.post(_url(lesson), {"undo": "useful"})
    assert CourseStats.objects.get(course=course).useful_count == 1
    html = client.get(lesson.url).content.decode()
    assert '<span class="reaction__count" data-testid="count-useful">1</span>' in html
    assert 'name="kind" value="useful"' in html


def test_the_script_gets_the_fresh_buttons_instead_of_a_page(client, learner, lesson):
    client.force_login(learner)
    response = client.post(_url(lesson), {"kind": "learned"}, **FETCH)
    data = response.json()
    assert response.status_code == 200 and data["message"] == "Thanks for your feedback."
    assert 'aria-pressed="true"' in data["html"] and 'name="undo" value="learned"' in data["html"]
    assert "csrfmiddlewaretoken" in data["html"]
    response = client.post(_url(lesson), {"undo": "learned"}, **FETCH)
    assert 'name="kind" value="learned"' in response.json()["html"]
    response = client.post(_url(lesson), {"kind": "bogus"}, **FETCH)
    assert response.status_code == 400 and "Choose one of the reactions" in response.json()["error"]


def test_reactions_keep_the_csrf_check(learner, lesson):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    assert client.post(_url(lesson), {"kind": "useful"}, **FETCH).status_code == 403
    assert not LessonReaction.objects.exists()


def test_a_question_cannot_be_undone_like_a_reaction(learner, lesson):
    services.react(learner=learner, lesson=lesson, kind="question", text="Why?")
    with pytest.raises(services.LearningError):
        services.withdraw_reaction(learner=learner, lesson=lesson, kind="question")
    assert LessonReaction.objects.count() == 1


# --- lesson ratings -----------------------------------------------------------------------------


def test_a_learner_rates_a_lesson_changes_it_and_everyone_sees_the_average(client, learner, other_learner, expert, course, lesson):
    enrol(other_learner, course)
    client.force_login(learner)
    client.post(f"/learning/lessons/{lesson.pk}/rating/", {"stars": "5"})
    client.post(f"/learning/lessons/{lesson.pk}/rating/", {"stars": "4"})  # changes, not adds
    client.force_login(other_learner)
    client.post(f"/learning/lessons/{lesson.pk}/rating/", {"stars": "1"})
    assert sorted(LessonRating.objects.values_list("stars", flat=True)) == [1, 4]

    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    assert "Average 2.5 out of 5, from 2 ratings" in html
    assert "Your rating: 4 out of 5" in html and 'value="4" required checked' in html
    # The course's author (not enrolled) sees the average too, without a form to rate.
    client.force_login(expert)
    html = client.get(lesson.url).content.decode()
    assert "Average 2.5 out of 5, from 2 ratings" in html and 'name="stars"' not in html


@pytest.mark.parametrize("stars", ["0", "6", "", "five", "-1", "4.5"])
def test_a_lesson_rating_outside_1_to_5_is_refused(client, learner, lesson, stars):
    client.force_login(learner)
    response = client.post(f"/learning/lessons/{lesson.pk}/rating/", {"stars": stars}, follow=True)
    assert "Choose a rating from 1 to 5 stars." in response.content.decode()
    assert not LessonRating.objects.exists()


def test_only_enrolled_learners_rate_a_lesson(client, other_learner, lesson):
    client.force_login(other_learner)
    client.post(f"/learning/lessons/{lesson.pk}/rating/", {"stars": "5"})
    assert not LessonRating.objects.exists()


def test_the_stars_are_radio_buttons_with_spoken_labels(client, learner, lesson):
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    assert '<fieldset class="star-rating">' in html and "<legend>" in html
    for n in range(1, 6):
        assert f'type="radio" class="visually-hidden" id="id_lesson_stars_{n}" name="stars" value="{n}"' in html
    assert '<span class="visually-hidden">3 stars</span>' in html and '<span class="visually-hidden">1 star</span>' in html


def test_course_and_lesson_ratings_share_one_rule(learner, course, lesson):
    with pytest.raises(services.LearningError, match="from 1 to 5"):
        services.rate_course(learner=learner, course=course, stars=6)
    with pytest.raises(services.LearningError, match="from 1 to 5"):
        services.rate_lesson(learner=learner, lesson=lesson, stars=0)
    _rating, created = services.rate_lesson(learner=learner, lesson=lesson, stars=3)
    again, created_again = services.rate_lesson(learner=learner, lesson=lesson, stars=2)
    assert created and not created_again and again.stars == 2 and LessonRating.objects.count() == 1

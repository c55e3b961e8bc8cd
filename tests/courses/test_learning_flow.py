"""The learning flow (issue 20, what to build 1): lessons locked by the course's order rules (in the
outline and on the server), Resume to the next unfinished lesson, the next due course first, catalogue
cards (cover, duration from the lessons, due date, progress, honest labels), paths in the Learn menu."""

import datetime
import io
import re

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from courses import services
from courses.models import Enrolment, EnrolmentSource, LessonCompletion
from courses.services.errors import LearningError
from tests.support.courses import complete_course_for, enrol, lessons_of, make_course, make_path
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def ordered_course(title="Fire safety", lessons=3, **fields):
    course = make_course(title, lessons=lessons, quiz=False, **fields)
    course.lessons_in_order = True
    course.save_revision().publish()
    course.refresh_from_db()
    return course


def outline_of(html):
    """[(title, state text)] of the lesson page's outline, as a screen reader announces each item."""
    outline = html[html.index('class="lesson-outline'):html.index("</nav>", html.index('class="lesson-outline'))]
    items = re.findall(r'<li class="lesson-outline__item[^"]*">(.*?)</li>', outline, re.S)
    result = []
    for item in items:
        title = re.search(r">([^<>]+)</(?:a|span)>", item).group(1)
        state = re.search(r'<span class="visually-hidden">\((.*?)\)</span>', item).group(1)
        result.append((title, state))
    return result


# --- locked lessons ------------------------------------------------------------------------------


def test_a_course_in_order_locks_the_lessons_after_the_first_unfinished_one(client, learner):
    course = ordered_course()
    first, second, third = lessons_of(course)
    enrol(learner, course)
    client.force_login(learner)

    html = client.get(first.url).content.decode()
    assert outline_of(html) == [("Lesson 1", "not done yet, you are here"), ("Lesson 2", "locked"), ("Lesson 3", "locked")]
    assert 'aria-current="step"' in html

    locked = client.get(second.url).content.decode()
    assert "This lesson is locked" in locked and "Lesson 2 of Fire safety: the essentials" not in locked
    assert f'href="{first.url}"' in locked  # where to go instead
    assert "Mark as complete" not in locked

    # The server refuses too: nothing recorded, the learner is told why.
    response = client.post(f"/learning/lessons/{second.pk}/complete/", follow=True)
    assert "opens its lessons in order" in response.content.decode()
    assert not LessonCompletion.objects.filter(lesson=second).exists()
    assert Enrolment.objects.get(learner=learner, course=course).last_lesson_id != second.pk

    services.complete_lesson(learner=learner, lesson=first)
    html = client.get(second.url).content.decode()
    assert outline_of(html) == [("Lesson 1", "done"), ("Lesson 2", "not done yet, you are here"), ("Lesson 3", "locked")]
    assert "Lesson 2 of Fire safety: the essentials" in html


def test_optional_lessons_do_not_hold_the_next_ones_back(learner):
    course = ordered_course(lessons=0)
    from tests.support.courses import make_lesson

    make_lesson(course, title="Warm-up", is_required=False)
    core = make_lesson(course, title="Core")
    enrol(learner, course)
    services.complete_lesson(learner=learner, lesson=core)  # no error: the optional one does not lock it


def test_a_prerequisite_locks_the_course_until_it_is_completed(client, learner, expert):
    basics = make_course("Electrical basics", lessons=1, quiz=False)
    advanced = make_course("High voltage", lessons=2, quiz=False, authors=[expert])
    advanced.prerequisites = [basics]
    advanced.save_revision().publish()
    enrol(learner, advanced)
    first = lessons_of(advanced)[0]
    client.force_login(learner)

    page = client.get(advanced.url).content.decode()
    assert "Complete these courses first" in page and f'href="{basics.url}"' in page
    assert "Start the course" not in page
    with pytest.raises(LearningError):
        services.complete_lesson(learner=learner, lesson=first)
    assert "Complete these courses first" in client.get(first.url).content.decode()

    # The course's author checks it as it runs: never locked out.
    client.force_login(expert)
    assert "This lesson is locked" not in client.get(first.url).content.decode()

    complete_course_for(learner, basics)
    client.force_login(learner)
    assert "This lesson is locked" not in client.get(first.url).content.decode()
    services.complete_lesson(learner=learner, lesson=first)


# --- Resume and next up ----------------------------------------------------------------------------


def test_resume_opens_the_next_unfinished_lesson_not_the_last_one_read(client, learner):
    course = make_course("Negotiation", lessons=3, quiz=False)
    first, second, _third = lessons_of(course)
    enrol(learner, course)
    client.force_login(learner)
    client.get(first.url)  # opened: the last lesson read
    services.complete_lesson(learner=learner, lesson=first)
    for url in ("/", "/learning/"):
        html = client.get(url).content.decode()
        resume = re.search(r'<a class="button[^"]*" href="([^"]+)">Resume<span class="visually-hidden">: Negotiation', html)
        assert resume and resume.group(1) == second.url, url


def test_the_next_due_course_comes_first_on_home_and_my_learning(client, learner, manager):
    recent = make_course("Recently opened", lessons=2, quiz=False)
    due = make_course("Due soon", lessons=2, quiz=False)
    later = make_course("Due later", lessons=2, quiz=False)
    enrol(learner, recent)
    client.force_login(learner)
    client.get(lessons_of(recent)[0].url)
    today = datetime.date.today()
    enrol(learner, later, source=EnrolmentSource.ASSIGNED, assigned_by=manager, due_date=today + datetime.timedelta(days=30))
    enrol(learner, due, source=EnrolmentSource.ASSIGNED, assigned_by=manager, due_date=today + datetime.timedelta(days=3))
    for url in ("/", "/learning/"):
        html = client.get(url).content.decode()
        next_up = html[html.index('id="next-up-title"'):]
        next_up = next_up[: next_up.index("</section>")]
        assert "Due soon" in next_up and "Due " in next_up and "Start" in next_up, url
        assert html.index("Due soon") < html.index("Recently opened") and html.index("Due soon") < html.index("Due later")


def test_without_due_dates_the_course_last_worked_on_is_next_up(client, learner):
    older = make_course("Older", lessons=2, quiz=False)
    newer = make_course("Newer", lessons=2, quiz=False)
    enrol(learner, newer)
    enrol(learner, older)
    client.force_login(learner)
    client.get(lessons_of(older)[0].url)
    html = client.get("/learning/").content.decode()
    next_up = html[html.index('id="next-up-title"'):]
    assert "Older" in next_up[: next_up.index("</section>")]


# --- catalogue cards -------------------------------------------------------------------------------


def _png(name):
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 400), (20, 90, 160)).save(buffer, "PNG")
    return ImageFile(buffer, name=name)


def card_of(html, title):
    start = html.index(f">{title}</a></h2>")
    begin = html.rindex('<article class="card course-card">', 0, start)
    return html[begin: html.index("</article>", start)]


def test_cards_show_cover_duration_due_date_progress_and_resume(client, learner, manager):
    cover = get_image_model().objects.create(title="SQL cover", file=_png("sql-cover.png"))
    with_cover = make_course("SQL for analysts", lessons=3, quiz=False, estimated_minutes=240, cover_image=cover)
    make_course("Negotiation", lessons=0, estimated_minutes=45)
    enrol(learner, with_cover, source=EnrolmentSource.ASSIGNED, assigned_by=manager,
          due_date=datetime.date.today() + datetime.timedelta(days=5))
    first, second, _ = lessons_of(with_cover)
    services.complete_lesson(learner=learner, lesson=first)
    client.force_login(learner)
    html = client.get("/courses/").content.decode()

    card = card_of(html, "SQL for analysts")
    assert re.search(r'<img [^>]*class="course-card__cover"', card) and "fill-640x320" in card
    assert "30 minutes" in card  # three lessons of 10 minutes, not the 240 typed on the course
    assert "In progress" in card and "Due " in card and "33% done" in card
    assert f'href="{second.url}">Resume' in card

    other = card_of(html, "Negotiation")
    assert "course-card__cover--drawn" in other and "<img" not in other and "45 minutes" in other
    assert "In progress" not in other and "Resume" not in other  # not enrolled: no status


def test_card_labels_not_started_in_progress_and_completed(client, learner):
    not_started = make_course("Never opened", lessons=2, quiz=False)
    under_way = make_course("Opened once", lessons=2, quiz=False)
    done = make_course("All done", lessons=1, quiz=False)
    enrol(learner, not_started)
    enrol(learner, under_way)
    client.force_login(learner)
    client.get(lessons_of(under_way)[0].url)
    complete_course_for(learner, done)
    html = client.get("/courses/").content.decode()
    assert "Not started" in card_of(html, "Never opened") and "In progress" not in card_of(html, "Never opened")
    assert ">Start<" in card_of(html, "Never opened")
    assert "In progress" in card_of(html, "Opened once")
    assert "Completed" in card_of(html, "All done") and "Resume" not in card_of(html, "All done")


def test_the_duration_filter_uses_the_duration_the_cards_show(client, learner):
    make_course("Many lessons", lessons=4, quiz=False, estimated_minutes=20)  # 40 minutes of lessons
    client.force_login(learner)
    titles = [c.title for c in client.get("/courses/?duration=medium").context["page_obj"].object_list]
    assert titles == ["Many lessons"]


# --- paths in the Learn menu -----------------------------------------------------------------------


def test_paths_are_in_the_learn_menu_and_only_they_are_current_on_their_page(client, learner):
    make_path("Analyst path", courses=[make_course("SQL", lessons=1)])
    client.force_login(learner)
    html = client.get("/learning/paths/").content.decode()
    learn = html[html.index('id="nav-learn"'):]
    learn = learn[: learn.index("</ul>")]
    assert '<a href="/learning/paths/" aria-current="page">Learning paths</a>' in learn
    assert '<a href="/learning/">My learning</a>' in learn  # not "current" as well
    assert "Analyst path" in html


def test_a_person_sees_only_their_own_progress_on_the_cards(client, learner):
    course = make_course("Shared course", lessons=2, quiz=False)
    colleague = make_user(team=learner.team)
    enrol(colleague, course)
    services.complete_lesson(learner=colleague, lesson=lessons_of(course)[0])
    client.force_login(learner)
    card = card_of(client.get("/courses/").content.decode(), "Shared course")
    assert "% done" not in card and "In progress" not in card


def test_a_locked_quiz_is_refused_and_nothing_is_written(learner):
    from courses.models import QuizAttempt
    from tests.support.courses import quiz_lesson, right_answers

    course = make_course("Ordered quiz", lessons=2, quiz=True)
    course.lessons_in_order = True
    course.save_revision().publish()
    enrol(learner, course)
    quiz = quiz_lesson(course)
    with pytest.raises(LearningError):
        services.submit_quiz(learner=learner, lesson=quiz, answers=right_answers(quiz))
    assert not QuizAttempt.objects.exists() and not LessonCompletion.objects.exists()

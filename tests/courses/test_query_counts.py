"""Hot pages run a fixed number of queries whatever the data size (same bound at two sizes)."""

import datetime

import pytest

from courses import services
from courses.models import EnrolmentSource
from guild.skills.models import JobRole, RoleSkillRequirement
from tests.support.courses import (
    enrol,
    lessons_of,
    make_course,
    make_lesson,
    make_skill,
    quiz_lesson,
    wrong_answers,
)
from tests.support.people import make_user

pytestmark = pytest.mark.django_db

# Measured: most of each bound is the page frame (session, user, roles for the navigation, unread
# notifications); the rest is the page's own, and neither grows with the data.
# The cards (issue 20): lesson durations, cover renditions, the viewer's enrolments and where each
# Resume leads (lessons, completions, prerequisites); a misspelt search adds the suggestion and the
# corrected search.
CATALOGUE_BOUND = 22
# The course's order rules (courses.services.progression): its missing prerequisites, and whether the
# person is exempt (an author or L&D) when the course opens lessons in order.
COURSE_BOUND = 23  # one for the quiz attempts: is a quiz blocked (attempts used up)?
# The order rules (two), the reactions and the lesson rating (two); includes writing the "viewed" event
# (and looking up the xAPI LRSs it goes to) and the last lesson.
LESSON_BOUND = 27
MY_LEARNING_BOUND = 16  # team popularity is counted, then only the winners are loaded; Resume: three


def courses_with_learners(n, learner, team):
    skill = make_skill("SQL")
    made = []
    for i in range(n):
        course = make_course(f"Course {i}", skills=[skill], lessons=0)
        made.append(course)
        peer = make_user(team=team)
        enrol(peer, course)
    return made


def _png(name):
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 32), (20, 90, 160)).save(buffer, "PNG")
    return ImageFile(buffer, name=name)


@pytest.mark.parametrize("size", [3, 40])
def test_the_catalogue_runs_a_fixed_number_of_queries(client, learner, team, size, django_assert_max_num_queries):
    from wagtail.images import get_image_model

    courses = courses_with_learners(size, learner, team)
    cover = get_image_model().objects.create(title="Cover", file=_png("cover.png"))
    for i, course in enumerate(courses):
        if i % 3 == 0:  # cards with a cover image, the others drawn
            course.cover_image = cover
            course.lessons_in_order = True
            course.save_revision().publish()
        if i % 2 == 0:  # the viewer's own enrolments: status, due date, progress, Resume
            enrol(learner, course, due_date=datetime.date.today() + datetime.timedelta(days=i + 1))
    for course in courses[:3]:
        make_lesson(course, title="Only lesson")
    client.force_login(learner)
    client.get("/courses/")  # warm the site-root cache as any second request would
    client.get("/courses/?page=2")  # and make the cover renditions once
    for url in ("/courses/", "/courses/?sort=popular&skill=sql", "/courses/?q=course", "/courses/?q=course&sort=newest&page=2",
                "/courses/?q=cuorse", "/courses/?duration=short"):
        with django_assert_max_num_queries(CATALOGUE_BOUND):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize("lessons", [3, 60])
def test_the_course_and_lesson_pages_run_a_fixed_number_of_queries(client, learner, lessons, django_assert_max_num_queries):
    course = make_course("Long course", lessons=lessons, skills=["SQL"])
    enrol(learner, course)
    all_lessons = lessons_of(course)
    for lesson in all_lessons[: lessons // 2]:
        if not lesson.questions():
            services.complete_lesson(learner=learner, lesson=lesson)
    quiz = quiz_lesson(course)
    services.submit_quiz(learner=learner, lesson=quiz, answers=wrong_answers(quiz))
    services.start_thread(author=learner, course=course, title="Hi", body="Hello")
    course.lessons_in_order = True  # the outline's locked state in play (the quiz lesson is now locked)
    course.save_revision().publish()
    client.force_login(learner)
    client.get(course.url)
    with django_assert_max_num_queries(COURSE_BOUND):
        client.get(course.url)
    with django_assert_max_num_queries(LESSON_BOUND):
        client.get(all_lessons[lessons // 2].url)
    with django_assert_max_num_queries(LESSON_BOUND):
        client.get(quiz.url + "?attempt=1")


@pytest.mark.parametrize("enrolments", [2, 80])
def test_my_learning_runs_a_fixed_number_of_queries(client, learner, team, manager, enrolments, django_assert_max_num_queries):
    role = JobRole.objects.create(name="Data analyst", slug="data-analyst")
    RoleSkillRequirement.objects.create(job_role=role, skill=make_skill("SQL"), level=3)
    learner.job_role = role
    learner.save()
    courses = courses_with_learners(enrolments + 3, learner, team)
    for i, course in enumerate(courses[:enrolments]):
        if i % 2:
            enrol(learner, course, source=EnrolmentSource.ASSIGNED, assigned_by=manager,
                  due_date=datetime.date.today() - datetime.timedelta(days=1))
        else:
            enrol(learner, course)
    client.force_login(learner)
    client.get("/learning/")
    with django_assert_max_num_queries(MY_LEARNING_BOUND):
        html = client.get("/learning/").content.decode()
    assert "overdue" in html

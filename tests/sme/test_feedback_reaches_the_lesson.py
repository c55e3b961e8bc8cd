"""Feedback that reaches the right lesson (issue 19, build item 5): the workspace's feed ties each
reaction, rating and "outdated" flag to its lesson and names the learner unless they chose to stay
anonymous; a new question reaches the authors at once through the outbox; "Outdated" needs a reason."""

import pytest
from django.core import mail
from django.urls import reverse

from courses import services as course_services
from courses.models import LessonReaction
from guild.notifications.delivery import deliver_outbox
from guild.notifications.models import Notification, OutboxMessage
from tests.support.courses import lessons_of, make_course
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_course(catalogue, expert, other_expert):
    course = make_course("Window functions", authors=[expert], co_authors=[other_expert], lessons=2)
    return course, lessons_of(course)


def enrolled(course, **names):
    person = make_user(**names)
    course_services.enrol(learner=person, course=course)
    return person


def test_the_feed_links_each_reaction_and_rating_to_its_lesson_and_names_the_learner(client, live_course, expert):
    course, (first, second) = live_course
    ada = enrolled(course, first_name="Ada", last_name="Byron")
    course_services.react(learner=ada, lesson=second, kind="useful")
    course_services.rate_course(learner=ada, course=course, stars=4, comment="Clear examples.")
    client.force_login(expert)
    page = client.get(reverse("sme:workspace")).text
    feed = page[page.index('data-testid="feedback-feed"'):]
    assert "Ada Byron" in feed and "Clear examples." in feed and "4/5" in feed
    assert f'href="{second.url}"' in feed  # the learner's lesson, not just the course
    assert reverse("wagtailadmin_pages:edit", args=[second.pk]) in feed


def test_a_learner_who_chose_anonymity_is_not_named(client, live_course, expert):
    course, (first, _second) = live_course
    ada = enrolled(course, first_name="Ada", last_name="Byron")
    client.force_login(ada)
    client.post(reverse("courses:react", args=[first.pk]), {"kind": "learned", "anonymous": "1"})
    client.post(reverse("courses:rate", args=[course.pk]), {"stars": "5", "anonymous": "1"})
    client.post(reverse("courses:react", args=[first.pk]), {"kind": "question", "text": "Why OVER()?", "anonymous": "1"})
    assert LessonReaction.objects.filter(learner=ada, anonymous=True).count() == 2
    client.force_login(expert)
    page = client.get(reverse("sme:workspace")).text
    assert "Why OVER()?" in page and "I learned something" in page
    assert "Ada Byron" not in page and "A learner" in page


def test_outdated_asks_for_a_reason_and_the_authors_read_it_beside_the_lesson(client, live_course, expert):
    course, (first, _second) = live_course
    ada = enrolled(course)
    client.force_login(ada)
    client.post(reverse("courses:react", args=[first.pk]), {"kind": "outdated", "text": ""})
    assert not LessonReaction.objects.filter(kind="outdated").exists()  # refused: nothing half-written
    response = client.get(first.url)
    assert "Say what is outdated" in response.text
    assert 'id="id_outdated_reason"' in response.text  # the form asks for it, labelled
    client.post(reverse("courses:react", args=[first.pk]), {"kind": "outdated", "text": "The UI moved to v3."})
    assert LessonReaction.objects.get(kind="outdated").text == "The UI moved to v3."
    client.force_login(expert)
    page = client.get(reverse("sme:workspace")).text
    assert "The UI moved to v3." in page[page.index('data-testid="feedback-feed"'):]


def test_the_needs_update_flag_lists_the_lessons_learners_flagged(client, live_course, expert, settings,
                                                                  django_capture_on_commit_callbacks):
    settings.GUILD_OUTDATED_REACTIONS_THRESHOLD = 2
    course, (first, second) = live_course
    for n in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            course_services.react(learner=enrolled(course), lesson=second, kind="outdated", text=f"Old figure {n}")
    client.force_login(expert)
    response = client.get(reverse("sme:workspace"))
    flagged = response.context["ws"].published[0].outdated_lessons
    assert [(lesson.pk, n) for lesson, n in flagged] == [(second.pk, 2)]
    assert reverse("wagtailadmin_pages:edit", args=[second.pk]) in response.text


def test_a_new_question_reaches_every_author_at_once_through_the_outbox(live_course, expert, other_expert,
                                                                        django_capture_on_commit_callbacks):
    course, (first, _second) = live_course
    ada = enrolled(course, first_name="Ada", last_name="Byron")
    with django_capture_on_commit_callbacks(execute=True):
        reaction, _ = course_services.react(learner=ada, lesson=first, kind="question", text="Does RANK skip numbers?")
    queued = OutboxMessage.objects.filter(kind="question.asked")
    assert {m.recipient for m in queued} == {expert, other_expert}
    deliver_outbox()
    notice = Notification.objects.get(recipient=expert, kind="question.asked")
    assert first.title in notice.title and "Does RANK skip numbers?" in notice.body and "Ada Byron" in notice.body
    assert notice.url.endswith(f"#question-{reaction.pk}")
    assert any("Does RANK skip numbers?" in m.body and expert.email in m.to for m in mail.outbox)
    # Asked once, told once: a repeat of the signal queues nothing more.
    from sme.feedback import tell_authors_of_question

    assert tell_authors_of_question(reaction) == 0


def test_an_anonymous_question_does_not_name_the_learner_in_the_message(live_course, expert,
                                                                        django_capture_on_commit_callbacks):
    course, (first, _second) = live_course
    ada = enrolled(course, first_name="Ada", last_name="Byron")
    with django_capture_on_commit_callbacks(execute=True):
        course_services.react(learner=ada, lesson=first, kind="question", text="Is this graded?", anonymous=True)
    deliver_outbox()
    notice = Notification.objects.get(recipient=expert, kind="question.asked")
    assert "Ada" not in notice.body and "A learner" in notice.body

"""The "Start a discussion" forms (a course's discussion, a cohort, the authors' community) suggest
people to @mention as the replies do: only people who can see the discussion about to start, and
the person mentioned in the first message is told."""

import datetime

import pytest

from courses import services
from courses.models import Cohort
from guild.notifications.models import Notification
from guild.people.roles import Role
from tests.support.courses import make_course
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def names(response):
    assert response.status_code == 200, response.status_code
    return [p["name"] for p in response.json()["results"]]


@pytest.fixture
def course(expert):
    return make_course("Talking course", lessons=1, quiz=False, authors=[expert])


@pytest.fixture
def cohort(course, learner, expert):
    today = datetime.date.today()
    cohort = Cohort.objects.create(name="Spring", slug="spring", course=course, starts_on=today, ends_on=today, facilitator=expert)
    services.add_to_cohort(cohort=cohort, learner=learner)
    return cohort


def test_a_new_course_discussion_suggests_anyone_who_can_see_the_course_but_not_me(client, learner, other_learner, course):
    client.force_login(learner)
    url = f"/learning/courses/{course.pk}/discussion/people/"
    assert names(client.get(url, {"q": "sof"})) == ["Sofia Test"]
    assert names(client.get(url, {"q": "bob"})) == ["Bob Test"]
    assert names(client.get(url, {"q": "alice"})) == []  # not oneself
    assert names(client.get(url, {"q": ""})) == []


def test_a_course_that_is_not_live_has_no_suggestions(client, learner, expert):
    draft = make_course("Draft", lessons=1, quiz=False, authors=[expert], publish=False)
    client.force_login(learner)
    assert client.get(f"/learning/courses/{draft.pk}/discussion/people/", {"q": "sof"}).status_code == 404


def test_the_course_discussion_form_turns_the_autocomplete_on(client, learner, course):
    client.force_login(learner)
    html = client.get(f"/learning/courses/{course.pk}/discussion/").content.decode()
    assert f'data-mentions="/learning/courses/{course.pk}/discussion/people/"' in html
    assert 'aria-describedby="mention-hint"' in html and "guild/js/people-picker" in html


def test_a_new_cohort_discussion_suggests_the_cohort_only_and_strangers_are_refused(
    client, learner, other_learner, expert, cohort
):
    client.force_login(learner)
    url = f"/learning/cohorts/{cohort.slug}/people/"
    assert names(client.get(url, {"q": "sof"})) == ["Sofia Test"]  # the facilitator
    assert names(client.get(url, {"q": "bob"})) == []  # not in the cohort
    assert f'data-mentions="{url}"' in client.get(f"/learning/cohorts/{cohort.slug}/").content.decode()
    client.force_login(other_learner)
    assert client.get(url, {"q": "sof"}).status_code == 403


def test_a_new_community_discussion_finds_authors_even_among_many_learners_of_that_name(client, expert, learner):
    for n in range(25):
        make_user(first_name="Omar", last_name=f"Learner{n:02d}")
    make_user(Role.REVIEWER, first_name="Omar", last_name="Reviewer")
    client.force_login(expert)
    assert names(client.get("/sme/community/people/", {"q": "omar"})) == ["Omar Reviewer"]
    html = client.get("/sme/community/").content.decode()
    assert 'data-mentions="/sme/community/people/"' in html and "Type @ and a name" in html
    client.force_login(learner)
    assert client.get("/sme/community/people/", {"q": "omar"}).status_code == 403


def test_the_first_message_of_a_new_discussion_tells_the_person_mentioned(client, learner, expert, course):
    client.force_login(learner)
    response = client.post(f"/learning/courses/{course.pk}/discussion/",
                           {"title": "Inner or left?", "body": "Could @Sofia Test explain?"})
    assert response.status_code == 302
    notice = Notification.objects.get(recipient=expert, kind="courses.mention")
    assert "Alice Test mentioned you in “Inner or left?”" in notice.title


def test_a_community_reply_has_the_autocomplete_of_its_thread(client, expert):
    from sme import services as sme_services

    thread = sme_services.start_thread(author=expert, title="Templates", body="Which one?")
    client.force_login(expert)
    html = client.get(f"/sme/community/{thread.pk}/").content.decode()
    assert f'data-mentions="/learning/discussions/{thread.pk}/people/"' in html

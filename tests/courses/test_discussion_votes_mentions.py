"""Discussions: votes on questions and answers (one per person, undo, sort by votes), @mentions
that notify the people who can see the discussion, and answers marked by the course's authors."""

import datetime

import pytest

from courses import services
from courses.models import Cohort, DiscussionPost, Mention, PostVote
from guild.notifications.models import Notification, OutboxMessage
from tests.support.courses import enrol, make_course
from tests.support.people import make_user

pytestmark = pytest.mark.django_db

FETCH = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def course(expert):
    return make_course("Talking course", lessons=1, quiz=False, authors=[expert])


@pytest.fixture
def thread(learner, course):
    enrol(learner, course)
    thread, _post = services.start_thread(author=learner, course=course, title="How do joins work?", body="Left or inner?")
    return thread


def _vote(client, post, **extra):
    return client.post(f"/learning/discussions/posts/{post.pk}/vote/", extra.pop("data", {}), **extra)


def test_one_vote_per_person_a_second_is_refused_and_undo_removes_it(client, other_learner, thread):
    question = thread.posts.get()
    client.force_login(other_learner)
    _vote(client, question)
    response = _vote(client, question, follow=True)
    assert "You already voted for this message." in response.content.decode()
    question.refresh_from_db()
    thread.refresh_from_db()
    assert (PostVote.objects.count(), question.vote_count, thread.vote_count) == (1, 1, 1)

    response = _vote(client, question, data={"undo": "1"}, **FETCH)
    assert response.json()["message"] == "Your vote is removed."
    assert 'aria-pressed="false"' in response.json()["html"]
    _vote(client, question, data={"undo": "1"})  # undoing twice changes nothing
    question.refresh_from_db()
    thread.refresh_from_db()
    assert (PostVote.objects.count(), question.vote_count, thread.vote_count) == (0, 0, 0)


def test_nobody_votes_for_their_own_message_nor_in_a_discussion_they_cannot_see(client, learner, other_learner, course, expert):
    thread, question = services.start_thread(author=learner, course=course, title="Mine", body="My own")
    client.force_login(learner)
    assert _vote(client, question, **FETCH).status_code == 400
    cohort = Cohort.objects.create(name="Spring", slug="spring", course=course, starts_on=datetime.date.today(),
                                   ends_on=datetime.date.today(), facilitator=expert)
    services.add_to_cohort(cohort=cohort, learner=learner)
    _cohort_thread, cohort_post = services.start_thread(author=learner, cohort=cohort, title="Members", body="Only us")
    client.force_login(other_learner)
    assert _vote(client, cohort_post).status_code == 403
    assert not PostVote.objects.exists()


def test_replies_sort_by_votes_with_the_question_first(client, learner, other_learner, ld_admin, thread):
    first = services.post_reply(author=other_learner, thread=thread, body="An early, plain reply")
    best = services.post_reply(author=ld_admin, thread=thread, body="A later, better reply")
    services.vote(voter=learner, post=best)
    services.vote(voter=other_learner, post=best)
    services.vote(voter=learner, post=first)
    client.force_login(learner)
    html = client.get(f"/learning/discussions/{thread.pk}/?sort=votes").content.decode()
    assert html.index("Left or inner?") < html.index("A later, better reply") < html.index("An early, plain reply")
    html = client.get(f"/learning/discussions/{thread.pk}/").content.decode()
    assert html.index("Left or inner?") < html.index("An early, plain reply") < html.index("A later, better reply")


def test_the_discussion_list_sorts_by_the_questions_votes(client, learner, other_learner, course, thread):
    popular, _post = services.start_thread(author=other_learner, course=course, title="Popular question", body="?")
    services.vote(voter=learner, post=popular.posts.get())
    services.start_thread(author=other_learner, course=course, title="Newest question", body="?")
    client.force_login(learner)
    html = client.get(f"/learning/courses/{course.pk}/discussion/?sort=votes").content.decode()
    assert html.index("Popular question") < html.index("Newest question")
    assert "1 vote" in html


# --- mentions -------------------------------------------------------------------------------------


def test_a_mention_notifies_the_person_in_the_app_and_by_email_once(client, learner, expert, thread):
    client.force_login(learner)
    client.post(f"/learning/discussions/{thread.pk}/", {"body": "@Sofia Test could you explain joins? Thanks @sofia test"})
    post = DiscussionPost.objects.latest("pk")
    notices = Notification.objects.filter(recipient=expert, kind="courses.mention")
    assert notices.count() == 1
    assert notices.get().title == "Alice Test mentioned you in “How do joins work?”"
    assert notices.get().url == f"/learning/discussions/{thread.pk}/#post-{post.pk}"
    assert OutboxMessage.objects.filter(recipient=expert, kind="courses.mention").count() == 1
    # The same post told again (e.g. a retried task) tells no one twice.
    services.mentions.notify_mentions(post=post)
    assert notices.count() == 1 and Mention.objects.filter(post=post).count() == 1


def test_mentioning_someone_who_cannot_see_the_discussion_tells_the_poster_not_them(client, learner, other_learner, expert, course):
    cohort = Cohort.objects.create(name="Spring", slug="spring", course=course, starts_on=datetime.date.today(),
                                   ends_on=datetime.date.today(), facilitator=expert)
    services.add_to_cohort(cohort=cohort, learner=learner)
    thread, _post = services.start_thread(author=learner, cohort=cohort, title="Cohort talk", body="Hello")
    client.force_login(learner)
    response = client.post(f"/learning/discussions/{thread.pk}/", {"body": "Hey @Bob Test and @Sofia"}, follow=True)
    html = response.content.decode()
    assert "Not told, because they cannot see this discussion: Bob Test." in html
    assert not Notification.objects.filter(recipient=other_learner).exists()
    assert not OutboxMessage.objects.filter(recipient=other_learner).exists()
    assert Notification.objects.filter(recipient=expert, kind="courses.mention").count() == 1  # the facilitator


def test_mentions_of_oneself_an_email_or_an_inactive_person_tell_no_one(learner, other_learner, thread):
    other_learner.is_active = False
    other_learner.save()
    services.post_reply(author=learner, thread=thread, body="Me: @Alice Test, mail me at x@Bob, gone: @Bob Test")
    assert not Notification.objects.filter(kind="courses.mention").exists()


def test_an_ambiguous_first_name_alone_mentions_no_one_but_the_full_name_does(learner, thread):
    one = make_user(first_name="Sam", last_name="Ng")
    two = make_user(first_name="Sam", last_name="Park")
    services.post_reply(author=learner, thread=thread, body="@Sam help")
    assert not Notification.objects.filter(kind="courses.mention").exists()
    services.post_reply(author=learner, thread=thread, body="@Sam Park help")
    assert list(Notification.objects.filter(kind="courses.mention").values_list("recipient", flat=True)) == [two.pk]
    assert one.pk != two.pk


def test_mention_suggestions_search_names_among_people_who_can_see_the_discussion(client, learner, other_learner, expert, course):
    cohort = Cohort.objects.create(name="Spring", slug="spring", course=course, starts_on=datetime.date.today(),
                                   ends_on=datetime.date.today(), facilitator=expert)
    services.add_to_cohort(cohort=cohort, learner=learner)
    thread, _post = services.start_thread(author=learner, cohort=cohort, title="Cohort talk", body="Hello")
    client.force_login(learner)
    url = f"/learning/discussions/{thread.pk}/people/"
    assert [p["name"] for p in client.get(url, {"q": "sof"}).json()["results"]] == ["Sofia Test"]
    assert client.get(url, {"q": "bob"}).json()["results"] == []  # not in the cohort
    assert client.get(url, {"q": ""}).json()["results"] == []
    client.force_login(other_learner)
    assert client.get(url, {"q": "sof"}).status_code == 403


# --- answers --------------------------------------------------------------------------------------


def test_the_asker_marks_an_authors_reply_as_the_answer_highlighted_and_announced(client, learner, expert, other_learner, thread):
    enrol(expert, thread.course)
    plain = services.post_reply(author=other_learner, thread=thread, body="Not sure, maybe inner?")
    answer = services.post_reply(author=expert, thread=thread, body="Inner keeps matching rows only.")
    client.force_login(learner)
    client.post(f"/learning/discussions/{thread.pk}/answer/", {"post": plain.pk})
    thread.refresh_from_db()
    assert thread.answer_id is None  # only an author's reply can be the answer
    client.post(f"/learning/discussions/{thread.pk}/answer/", {"post": answer.pk})
    thread.refresh_from_db()
    assert thread.answer_id == answer.pk
    html = client.get(f"/learning/discussions/{thread.pk}/").content.decode()
    assert f'class="list__item post post--answer" id="post-{answer.pk}"' in html
    assert "Answer, marked by the course" in html  # read out before the reply itself
    assert html.index("Inner keeps matching rows only.") < html.index("Not sure, maybe inner?")
    html = client.get(f"/learning/courses/{thread.course_id}/discussion/").content.decode()
    assert "Answered" in html


def test_the_asker_is_told_when_an_author_marks_the_answer_and_not_when_they_mark_it_themselves(
    client, learner, expert, thread, django_capture_on_commit_callbacks
):
    from guild.notifications.models import Notification, OutboxMessage

    enrol(expert, thread.course)
    first = services.post_reply(author=expert, thread=thread, body="Inner keeps matching rows only.")
    client.force_login(learner)
    client.post(f"/learning/discussions/{thread.pk}/answer/", {"post": first.pk})
    assert not Notification.objects.filter(recipient=learner, kind="courses.answered").exists()
    second = services.post_reply(author=expert, thread=thread, body="And a left join keeps the left rows.")
    client.force_login(expert)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/learning/discussions/{thread.pk}/answer/", {"post": second.pk})
        client.post(f"/learning/discussions/{thread.pk}/answer/", {"post": second.pk})  # twice: told once
    notice = Notification.objects.get(recipient=learner, kind="courses.answered")
    assert thread.title in notice.title and "has an answer" in notice.title
    assert notice.url == f"/learning/discussions/{thread.pk}/#post-{second.pk}"
    assert OutboxMessage.objects.filter(recipient=learner, kind="courses.answered").count() == 1


def test_someone_else_cannot_mark_the_answer(client, expert, other_learner, thread):
    answer = services.post_reply(author=expert, thread=thread, body="Inner keeps matching rows only.")
    client.force_login(other_learner)
    response = client.post(f"/learning/discussions/{thread.pk}/answer/", {"post": answer.pk}, follow=True)
    assert "Only the person who asked and the course" in response.content.decode()
    thread.refresh_from_db()
    assert thread.answer_id is None


# --- queries --------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [3, 30])
def test_a_discussion_page_with_votes_runs_a_fixed_number_of_queries(client, learner, expert, thread, size, django_assert_max_num_queries):
    people = [make_user() for _ in range(3)]
    for n in range(size):
        post = services.post_reply(author=people[n % 3], thread=thread, body=f"Reply {n} @Sofia")
        services.vote(voter=learner, post=post)
        services.vote(voter=people[(n + 1) % 3], post=post)
    client.force_login(learner)
    with django_assert_max_num_queries(14):
        response = client.get(f"/learning/discussions/{thread.pk}/?sort=votes")
    assert response.status_code == 200 and response.content.decode().count('data-testid="votes-') == size + 1

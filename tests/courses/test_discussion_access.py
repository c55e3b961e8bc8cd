"""One rule decides who takes part in a discussion, whichever URL reaches it."""

import pytest

from courses import discussion_spaces, services
from courses.models import DiscussionPost, DiscussionThread

pytestmark = pytest.mark.django_db


@pytest.fixture
def community_thread(expert):
    from sme.services import start_thread

    return start_thread(author=expert, title="Lesson length?", body="How long should a lesson be?")


def test_a_learner_cannot_read_or_reply_to_a_community_thread_through_the_learning_urls(client, learner, community_thread):
    client.force_login(learner)
    url = f"/learning/discussions/{community_thread.pk}/"
    assert client.get(url).status_code in (403, 404)
    assert client.post(url, {"body": "Let me in"}).status_code in (403, 404)
    with pytest.raises(services.LearningError):
        services.post_reply(author=learner, thread=community_thread, body="Let me in")
    assert DiscussionPost.objects.filter(thread=community_thread).count() == 1
    assert DiscussionThread.objects.get(pk=community_thread.pk).post_count == 1


def test_an_expert_still_takes_part_in_a_community_thread_through_the_learning_urls(client, reviewer, community_thread):
    client.force_login(reviewer)
    url = f"/learning/discussions/{community_thread.pk}/"
    assert client.get(url).status_code == 200
    client.post(url, {"body": "Ten minutes."})
    assert DiscussionThread.objects.get(pk=community_thread.pk).post_count == 2


def test_a_thread_in_a_space_nobody_registered_is_open_to_no_one(expert, ld_admin):
    with pytest.raises(services.LearningError):
        services.start_thread(author=expert, title="Elsewhere", body="Hi", space="no-such-space")
    assert not discussion_spaces.can_take_part(space="no-such-space", user=ld_admin)
    assert DiscussionThread.objects.count() == 0

"""insert_new_messages: the sweeps' bulk path into the outbox keeps keys unique and never
overwrites a message that is already queued or sent."""

from datetime import timedelta

import pytest
from django.utils import timezone

from guild.notifications.models import OutboxMessage, OutboxStatus
from guild.notifications.services import NewMessage, insert_new_messages

pytestmark = pytest.mark.django_db


def message(key, person, *, title="Due soon", mandatory=False, send_after=None):
    return NewMessage(key, person.pk, "reminder.due", {"course_title": title, "days": 3}, mandatory,
                      send_after or timezone.now())


def test_new_keys_are_queued_with_their_payload_and_send_time(learner, manager):
    later = timezone.now() + timedelta(hours=5)
    assert insert_new_messages([message("k:1", learner, send_after=later), message("k:2", manager, mandatory=True)]) == 2

    first, second = OutboxMessage.objects.get(key="k:1"), OutboxMessage.objects.get(key="k:2")
    assert (first.recipient, first.status, first.payload["course_title"]) == (learner, OutboxStatus.QUEUED, "Due soon")
    assert abs(first.send_after - later) < timedelta(seconds=1)
    assert (second.recipient, second.mandatory) == (manager, True)


def test_a_key_already_in_the_outbox_or_repeated_in_the_batch_is_inserted_once(learner):
    insert_new_messages([message("k:1", learner, title="Original")])
    OutboxMessage.objects.filter(key="k:1").update(status=OutboxStatus.SENT, sent_at=timezone.now())

    inserted = insert_new_messages([message("k:1", learner, title="Again"), message("k:2", learner),
                                    message("k:2", learner, title="Twice")])

    assert inserted == 1
    assert OutboxMessage.objects.count() == 2
    kept = OutboxMessage.objects.get(key="k:1")
    assert (kept.status, kept.payload["course_title"]) == (OutboxStatus.SENT, "Original")  # never re-queued


def test_nothing_to_insert_costs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert insert_new_messages([]) == 0

import pytest
from django.urls import reverse

from guild.notifications.models import Channel, DeliveryPreference, Notification
from guild.notifications.services import notify

pytestmark = pytest.mark.django_db


def test_anonymous_people_are_sent_to_sign_in(client):
    for name in ("notifications:list", "notifications:preferences"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_list_shows_the_unread_count_and_filters_unread(client, learner):
    notify(recipient=learner, kind="x", title="First news")
    read = notify(recipient=learner, kind="x", title="Old news")
    Notification.objects.filter(pk=read.pk).update(read_at="2030-01-01T00:00:00Z")
    client.force_login(learner)
    response = client.get(reverse("notifications:list"))
    assert b"1 unread notification" in response.content
    response = client.get(reverse("notifications:list") + "?show=unread")
    assert b"First news" in response.content and b"Old news" not in response.content


def test_marking_one_as_read_only_touches_your_own(client, learner, other_learner):
    mine = notify(recipient=learner, kind="x", title="Mine")
    theirs = notify(recipient=other_learner, kind="x", title="Theirs")
    client.force_login(learner)
    client.post(reverse("notifications:mark_read", args=[mine.pk]))
    client.post(reverse("notifications:mark_read", args=[theirs.pk]))
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.read_at is not None and theirs.read_at is None


def test_a_person_chooses_in_app_only_for_a_kind(client, learner):
    client.force_login(learner)
    page = client.get(reverse("notifications:preferences"))
    assert b"Due-date reminders" in page.content and b"always come by email" in page.content
    response = client.post(reverse("notifications:preferences"), {"reminder.due": "in_app"})
    assert response.status_code == 302
    assert DeliveryPreference.objects.get(user=learner, kind="reminder.due").channel == Channel.IN_APP


def test_an_unknown_choice_is_refused_and_changes_nothing(client, learner):
    client.force_login(learner)
    response = client.post(reverse("notifications:preferences"), {"reminder.due": "carrier-pigeon"})
    assert response.status_code == 200
    assert b"Select a valid choice" in response.content
    assert not DeliveryPreference.objects.exists()

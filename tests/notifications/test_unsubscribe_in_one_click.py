import pytest
from django.urls import reverse

from guild.notifications.models import Channel, DeliveryPreference
from guild.notifications.services import unsubscribe_token

pytestmark = pytest.mark.django_db


def url(token):
    return reverse("notifications:unsubscribe", kwargs={"token": token})


def test_the_link_works_without_signing_in_and_keeps_the_in_app_notice(client, learner):
    token = unsubscribe_token(user_id=learner.pk, kind="reminder.due")
    response = client.post(url(token))
    assert response.status_code == 200
    assert DeliveryPreference.objects.get(user=learner, kind="reminder.due").channel == Channel.IN_APP


def test_opening_the_link_only_asks_so_that_mail_scanners_unsubscribe_nobody(client, learner):
    token = unsubscribe_token(user_id=learner.pk, kind="reminder.due")
    response = client.get(url(token))
    assert response.status_code == 200
    assert b"Stop these emails" in response.content
    assert not DeliveryPreference.objects.exists()


def test_clicking_twice_is_harmless(client, learner):
    token = unsubscribe_token(user_id=learner.pk, kind="digest.team")
    client.post(url(token))
    client.post(url(token))
    assert DeliveryPreference.objects.filter(user=learner).count() == 1


def test_a_tampered_token_changes_nothing(client, learner):
    token = unsubscribe_token(user_id=learner.pk, kind="reminder.due")
    response = client.post(url(token[:-3] + "abc"))
    assert response.status_code == 400
    assert b"not valid" in response.content
    assert not DeliveryPreference.objects.exists()


def test_a_token_cannot_be_retargeted_at_someone_else(client, learner, other_learner):
    forged = unsubscribe_token(user_id=learner.pk, kind="reminder.due").replace(str(learner.pk), str(other_learner.pk))
    client.post(url(forged))
    assert not DeliveryPreference.objects.filter(user=other_learner).exists()

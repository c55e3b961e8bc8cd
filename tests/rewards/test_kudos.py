import uuid

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from guild.notifications.models import Notification
from rewards.models import Kudos, Reason, RewardLedgerEntry, RewardSettings
from rewards.services import give_kudos
from tests.support.courses import make_skill

pytestmark = pytest.mark.django_db


def test_kudos_reach_the_recipient_and_their_manager_and_pay_points(learner, other_learner, manager):
    skill = make_skill("SQL")

    kudos = give_kudos(sender=other_learner, recipient=learner, message="Thanks for the SQL help!", skill=skill)

    assert kudos.skill == skill
    assert Notification.objects.get(recipient=learner, kind="rewards.kudos").body == "Thanks for the SQL help!"
    to_manager = Notification.objects.get(recipient=manager, kind="rewards.kudos_for_report")
    assert "Alice" in to_manager.title and "Bob" in to_manager.title
    entry = RewardLedgerEntry.objects.get(person=learner, reason=Reason.KUDOS_RECEIVED)
    assert entry.points == RewardSettings.load().kudos_received


def test_self_kudos_are_refused_with_a_clear_message_and_change_nothing(learner):
    with pytest.raises(ValidationError, match="cannot give kudos to yourself"):
        give_kudos(sender=learner, recipient=learner, message="Well done me")

    assert not Kudos.objects.exists()
    assert not RewardLedgerEntry.objects.exists()


def test_the_daily_cap_is_refused_with_a_clear_message(learner, expert):
    settings = RewardSettings.load()
    settings.kudos_daily_cap = 2
    settings.save()
    give_kudos(sender=learner, recipient=expert, message="One")
    give_kudos(sender=learner, recipient=expert, message="Two")

    with pytest.raises(ValidationError, match="daily limit"):
        give_kudos(sender=learner, recipient=expert, message="Three")

    assert Kudos.objects.filter(sender=learner).count() == 2
    assert RewardLedgerEntry.objects.filter(person=expert).count() == 2


def test_a_double_submit_gives_one_kudos(learner, expert):
    key = uuid.uuid4()

    first = give_kudos(sender=learner, recipient=expert, message="Thanks", submission_key=key)
    second = give_kudos(sender=learner, recipient=expert, message="Thanks", submission_key=key)

    assert first.pk == second.pk
    assert Kudos.objects.count() == 1


def test_the_kudos_form_sends_and_shows_them_on_the_profile(client, learner, expert):
    client.force_login(learner)
    form = client.get(reverse("rewards:give_kudos") + f"?to={expert.pk}")
    assert expert.display_name in form.content.decode()

    response = client.post(reverse("rewards:give_kudos"), {
        "recipient": expert.email, "message": "Your course saved my week", "submission_key": str(uuid.uuid4()),
    }, follow=True)

    assert response.redirect_chain[-1][0] == reverse("rewards:person", args=[expert.pk])
    assert "Your course saved my week" in response.content.decode()


def test_the_kudos_form_explains_a_refusal(client, learner):
    client.force_login(learner)

    response = client.post(reverse("rewards:give_kudos"), {
        "recipient": learner.email, "message": "Me!", "submission_key": str(uuid.uuid4()),
    })

    assert response.status_code == 400
    assert "cannot give kudos to yourself" in response.content.decode()
    assert not Kudos.objects.exists()


def test_the_kudos_form_explains_an_unknown_colleague(client, learner):
    client.force_login(learner)

    response = client.post(reverse("rewards:give_kudos"), {
        "recipient": "nobody@example.com", "message": "Hi", "submission_key": str(uuid.uuid4()),
    })

    assert response.status_code == 400
    assert "Nobody in Guild matches “nobody@example.com”" in response.content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("rewards:give_kudos"))

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]

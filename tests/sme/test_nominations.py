"""Nominate a colleague (or yourself); they accept; L&D confirms; they become an expert."""

import pytest
from django.urls import reverse

from guild.notifications.models import Notification
from guild.people.roles import Role
from guild.skills.models import PersonSkill
from sme import services
from sme.models import Nomination, NominationStatus
from tests.support.courses import make_skill

pytestmark = pytest.mark.django_db


def test_a_confirmed_nomination_makes_the_nominee_an_expert_and_tells_them_and_their_manager(
    client, learner, manager, other_learner, ld_admin, django_capture_on_commit_callbacks
):
    skill = make_skill("SQL")
    client.force_login(other_learner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("sme:nominate"), {"nominee": learner.pk, "skill": skill.pk, "reason": "Fixed our reports."})
    nomination = Nomination.objects.get(nominee=learner)
    assert nomination.status == NominationStatus.AWAITING_NOMINEE
    assert Notification.objects.filter(recipient=learner, kind="nomination.received").exists()

    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("sme:nomination_answer", args=[nomination.pk]), {"accept": "1"})
    assert Notification.objects.filter(recipient=ld_admin, kind="nomination.to_confirm").exists()

    client.force_login(ld_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("sme:nomination_decide", args=[nomination.pk]), {"confirm": "1"})
    learner.refresh_from_db()
    learner.__dict__.pop("role_names", None)
    assert learner.has_role(Role.EXPERT)
    assert PersonSkill.objects.get(person=learner, skill=skill).source == PersonSkill.Source.EXPERT
    assert Notification.objects.filter(recipient=learner, kind="nomination.confirmed").exists()
    assert Notification.objects.filter(recipient=manager, kind="nomination.confirmed").exists()


def test_a_self_nomination_goes_straight_to_ld(learner, ld_admin):
    nomination = services.nominate(nominee=learner, nominated_by=learner, skill=make_skill("SQL"), reason="I teach it.")
    assert nomination.status == NominationStatus.AWAITING_CONFIRMATION


def test_a_nomination_without_a_reason_is_refused(client, learner, other_learner):
    client.force_login(other_learner)
    response = client.post(reverse("sme:nominate"), {"nominee": learner.pk, "skill": make_skill("SQL").pk, "reason": " "})
    assert response.status_code == 200
    assert not Nomination.objects.exists()


def test_a_second_open_nomination_for_the_same_skill_is_refused_with_a_message(learner, other_learner, manager):
    skill = make_skill("SQL")
    services.nominate(nominee=learner, nominated_by=other_learner, skill=skill, reason="Great.")
    with pytest.raises(services.ExpertError, match="already has an open nomination"):
        services.nominate(nominee=learner, nominated_by=manager, skill=skill, reason="Also great.")


def test_only_the_nominee_answers_and_only_ld_confirms(client, learner, other_learner):
    nomination = services.nominate(nominee=learner, nominated_by=other_learner, skill=make_skill("SQL"), reason="Yes.")
    client.force_login(other_learner)
    assert client.post(reverse("sme:nomination_answer", args=[nomination.pk]), {"accept": "1"}).status_code == 404
    services.respond_to_nomination(nomination=nomination, user=learner, accept=True)
    client.force_login(learner)
    assert client.post(reverse("sme:nomination_decide", args=[nomination.pk]), {"confirm": "1"}).status_code == 403
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.AWAITING_CONFIRMATION


def test_a_declined_nomination_tells_the_nominator(learner, other_learner, django_capture_on_commit_callbacks):
    nomination = services.nominate(nominee=learner, nominated_by=other_learner, skill=make_skill("SQL"), reason="Yes.")
    with django_capture_on_commit_callbacks(execute=True):
        services.respond_to_nomination(nomination=nomination, user=learner, accept=False)
        services.respond_to_nomination(nomination=nomination, user=learner, accept=False)  # double submit
    assert Notification.objects.filter(recipient=other_learner, kind="nomination.declined").count() == 1

"""Kudos find the colleague by name: picked from suggestions, or searched when the form is sent
(without JavaScript); several matches are offered as choices; oneself and unknown names are refused."""

import uuid

import pytest
from django.urls import reverse

from rewards.models import Kudos
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def _send(client, **data):
    data.setdefault("message", "Thanks for the help")
    data.setdefault("submission_key", str(uuid.uuid4()))
    return client.post(reverse("rewards:give_kudos"), data)


def test_part_of_a_name_finds_the_one_colleague_it_matches(client, learner, expert):
    client.force_login(learner)
    response = _send(client, recipient="sofia")
    assert response.status_code == 302
    assert Kudos.objects.get().recipient == expert


def test_several_matches_come_back_as_choices_and_the_choice_is_kept(client, learner):
    sam_ng = make_user(first_name="Sam", last_name="Ng", job_title="Analyst")
    sam_park = make_user(first_name="Sam", last_name="Park", job_title="Engineer")
    client.force_login(learner)
    response = _send(client, recipient="Sam")
    html = response.content.decode()
    assert response.status_code == 400 and not Kudos.objects.exists()
    assert "Several people match “Sam”: choose one below" in html
    assert f'type="radio" name="recipient_id" value="{sam_park.pk}"' in html and "Sam Park · Engineer" in html
    assert f'value="{sam_ng.pk}"' in html
    response = _send(client, recipient="Sam", recipient_id=str(sam_park.pk))
    assert response.status_code == 302 and Kudos.objects.get().recipient == sam_park


def test_a_picked_id_that_no_longer_matches_the_name_typed_is_ignored(client, learner, expert, other_learner):
    client.force_login(learner)
    response = _send(client, recipient="Bob", recipient_id=str(expert.pk))
    assert response.status_code == 302 and Kudos.objects.get().recipient == other_learner


@pytest.mark.parametrize("typed, message", [
    ("alice", "You cannot give kudos to yourself"),
    ("Zebulon", "Nobody in Guild matches “Zebulon”"),
    ("", "This field is required"),
])
def test_oneself_an_unknown_name_or_nothing_is_refused(client, learner, typed, message):
    client.force_login(learner)
    response = _send(client, recipient=typed)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Kudos.objects.exists()


def test_an_inactive_person_is_neither_suggested_nor_thanked(client, learner, expert):
    expert.is_active = False
    expert.save()
    client.force_login(learner)
    assert client.get(reverse("rewards:people_search"), {"q": "sof"}).json()["results"] == []
    assert _send(client, recipient="Sofia").status_code == 400


def test_the_suggestions_search_names_and_leave_out_oneself(client, learner, expert, team):
    expert.job_title = "Data expert"
    expert.team = team
    expert.save()
    client.force_login(learner)
    results = client.get(reverse("rewards:people_search"), {"q": "sofia te"}).json()["results"]
    assert results == [{"id": expert.pk, "name": "Sofia Test", "detail": f"Data expert · {team.name}"}]
    assert client.get(reverse("rewards:people_search"), {"q": "alice"}).json()["results"] == []


def test_the_field_is_a_labelled_combobox_source_without_javascript_a_search_box(client, learner):
    client.force_login(learner)
    html = client.get(reverse("rewards:give_kudos")).content.decode()
    assert '<label for="id_recipient">Colleague:</label>' in html
    assert 'type="search"' in html and f'data-people-picker="{reverse("rewards:people_search")}"' in html
    assert 'name="recipient_id"' in html and "people-picker.js" in html

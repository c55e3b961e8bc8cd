import pytest
from django.urls import reverse

from rewards.services import give_kudos

pytestmark = pytest.mark.django_db


@pytest.fixture
def kudos(learner, expert):
    return give_kudos(sender=learner, recipient=expert, message="Brilliant session on SQL joins")


def test_the_recipient_hides_a_kudos_from_their_profile(client, kudos, expert, other_learner):
    client.force_login(expert)
    response = client.post(reverse("rewards:hide_kudos", args=[kudos.pk]))
    assert response.status_code == 302

    client.force_login(other_learner)
    profile = client.get(reverse("rewards:person", args=[expert.pk])).content.decode()
    assert "Brilliant session" not in profile
    client.force_login(expert)
    own = client.get(reverse("rewards:person", args=[expert.pk])).content.decode()
    assert "Brilliant session" in own and "Hidden from your profile" in own


def test_the_recipient_shows_it_again(client, kudos, expert, other_learner):
    client.force_login(expert)
    client.post(reverse("rewards:hide_kudos", args=[kudos.pk]))
    client.post(reverse("rewards:show_kudos", args=[kudos.pk]))

    client.force_login(other_learner)
    assert "Brilliant session" in client.get(reverse("rewards:person", args=[expert.pk])).content.decode()


@pytest.mark.parametrize("who", ["learner", "other_learner", "manager", "ld_admin"])
def test_nobody_else_can_hide_someone_elses_kudos(client, kudos, who, request):
    client.force_login(request.getfixturevalue(who))

    response = client.post(reverse("rewards:hide_kudos", args=[kudos.pk]))

    assert response.status_code == 404
    kudos.refresh_from_db()
    assert kudos.hidden_at is None


def test_hiding_needs_a_post(client, kudos, expert):
    client.force_login(expert)

    assert client.get(reverse("rewards:hide_kudos", args=[kudos.pk])).status_code == 405

"""Each rewards page, per role: who gets it and who does not."""

import datetime

import pytest
from django.urls import reverse

from rewards.models import MonthlySummary, Reason
from rewards.services import award_points
from tests.support.people import make_user

pytestmark = pytest.mark.django_db

SIGNED_IN_PAGES = ["rewards:mine", "rewards:history", "rewards:leaderboard", "rewards:badges", "rewards:kudos", "rewards:give_kudos"]


@pytest.mark.parametrize("name", SIGNED_IN_PAGES)
@pytest.mark.parametrize("who", ["learner", "expert", "reviewer", "manager", "ld_admin", "executive"])
def test_every_role_opens_the_rewards_pages(client, name, who, request):
    client.force_login(request.getfixturevalue(who))

    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", SIGNED_IN_PAGES + ["rewards:recognition"])
def test_signed_out_visitors_are_sent_to_sign_in(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_my_points_list_what_each_award_was_for(client, learner):
    award_points(person=learner, reason=Reason.COURSE_COMPLETED, source=("tests.e", 1), points=50, description="Completed “SQL”")
    client.force_login(learner)

    page = client.get(reverse("rewards:history")).content.decode()

    assert "Completed “SQL”" in page and "+50" in page


def test_the_home_page_shows_my_points(client, learner):
    award_points(person=learner, reason=Reason.COURSE_COMPLETED, source=("tests.e", 1), points=50)
    client.force_login(learner)

    page = client.get(reverse("home")).content.decode()

    assert 'data-testid="home-points">50<' in page


def test_a_profile_of_an_unknown_or_inactive_person_is_not_found(client, learner):
    gone = make_user(is_active=False)
    client.force_login(learner)

    assert client.get(reverse("rewards:person", args=[gone.pk])).status_code == 404
    assert client.get(reverse("rewards:person", args=[999999])).status_code == 404


@pytest.fixture
def summaries(team, learner, expert):
    month = datetime.date(2026, 10, 1)
    MonthlySummary.objects.create(month=month, person=learner, points=30, answers=2)
    MonthlySummary.objects.create(month=month, person=expert, points=99, courses_published=1)
    return month


def recognition(client, user, month):
    client.force_login(user)
    return client.get(reverse("rewards:recognition"), {"month": f"{month:%Y-%m}"})


def test_ld_admins_see_every_contributors_summary(client, ld_admin, summaries):
    page = recognition(client, ld_admin, summaries).content.decode()

    assert "Alice" in page and "Sofia" in page


def test_a_manager_sees_only_their_own_peoples_summaries(client, manager, summaries):
    page = recognition(client, manager, summaries).content.decode()

    assert "Alice" in page and "Sofia" not in page


@pytest.mark.parametrize("who", ["learner", "expert", "reviewer", "executive"])
def test_other_roles_cannot_see_the_summaries(client, who, request, summaries):
    assert recognition(client, request.getfixturevalue(who), summaries).status_code == 403


def test_other_apps_include_the_showcase_with_just_the_person(rf, learner, expert):
    from django.template import engines

    from rewards.services import give_kudos

    give_kudos(sender=learner, recipient=expert, message="Thanks for the clinic")
    request = rf.get("/")
    request.user = learner
    template = engines["django"].from_string('{% include "rewards/_showcase.html" with person=expert %}')

    html = template.render({"expert": expert}, request)

    assert "Thanks for the clinic" in html and 'data-testid="points-total">5<' in html

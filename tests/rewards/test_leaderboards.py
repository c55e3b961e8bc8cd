import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from guild.people.models import Team
from guild.people.roles import Role
from rewards.models import Reason
from rewards.selectors import leaderboard
from rewards.services import award_points, set_leaderboard_visibility
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def pay(person, points, reason=Reason.COURSE_COMPLETED, when=None, n=None):
    return award_points(person=person, reason=reason, source=("tests.event", n or points), points=points, when=when)


def names(board):
    return [row.person.first_name for row in board.rows]


def test_learners_and_contributors_have_separate_boards(learner, expert):
    pay(learner, 50)
    pay(expert, 100, reason=Reason.COURSE_PUBLISHED)

    assert names(leaderboard(track="learner", period="all")) == ["Alice"]
    assert names(leaderboard(track="contributor", period="all")) == ["Sofia"]


def test_periods_count_this_week_this_month_and_all_time(learner, other_learner):
    long_ago = timezone.now() - datetime.timedelta(days=70)
    pay(learner, 500, when=long_ago)
    pay(other_learner, 20)

    assert names(leaderboard(track="learner", period="week")) == ["Bob"]
    assert names(leaderboard(track="learner", period="month")) == ["Bob"]
    assert names(leaderboard(track="learner", period="all")) == ["Alice", "Bob"]


def test_equal_points_share_a_rank(learner, other_learner, expert):
    pay(learner, 30)
    pay(other_learner, 30, n=31)
    pay(expert, 10)

    assert [row.rank for row in leaderboard(track="learner", period="all").rows] == [1, 1, 3]


def test_a_person_who_opted_out_is_left_out(client, learner, other_learner):
    pay(learner, 50)
    pay(other_learner, 40)
    client.force_login(learner)

    client.post(reverse("rewards:preferences"), {})  # the box unticked

    assert names(leaderboard(track="learner", period="all")) == ["Bob"]
    set_leaderboard_visibility(person=learner, show=True)
    assert names(leaderboard(track="learner", period="all")) == ["Alice", "Bob"]


def test_a_team_board_includes_its_sub_teams_only(team, learner, other_learner):
    sub = team.add_child(name="Reporting", slug="reporting")
    elsewhere = Team.add_root(name="Sales", slug="sales")
    carol = make_user(team=sub, first_name="Carol")
    dan = make_user(team=elsewhere, first_name="Dan")
    for person, points in ((learner, 10), (carol, 30), (dan, 90)):
        pay(person, points, n=person.pk)

    assert names(leaderboard(track="learner", period="all", team=team)) == ["Carol", "Alice"]


def board_page(client, user, **params):
    client.force_login(user)
    return client.get(reverse("rewards:leaderboard"), params)


def test_a_manager_sees_their_teams_board(client, manager, team, learner):
    pay(learner, 10)

    response = board_page(client, manager, track="learner", period="all", team=team.pk)

    assert response.status_code == 200
    assert "Alice" in response.content.decode()


def test_a_manager_cannot_see_another_teams_board(client, manager):
    other = Team.add_root(name="Sales", slug="sales")
    other.manager = make_user(Role.MANAGER, team=other)
    other.save()

    assert board_page(client, manager, team=other.pk).status_code == 403


def test_a_learner_sees_their_own_team_but_no_other(client, learner, team):
    other = Team.add_root(name="Sales", slug="sales")

    assert board_page(client, learner, team=team.pk).status_code == 200
    assert board_page(client, learner, team=other.pk).status_code == 403


def test_ld_admins_and_executives_see_any_team(client, ld_admin, executive):
    other = Team.add_root(name="Sales", slug="sales")

    assert board_page(client, ld_admin, team=other.pk).status_code == 200
    assert board_page(client, executive, team=other.pk).status_code == 200


def test_everyone_sees_the_organisation_board_and_is_marked_on_it(client, learner):
    pay(learner, 10)

    response = board_page(client, learner, track="learner", period="week")

    assert response.status_code == 200
    assert 'aria-current="true"' in response.content.decode()


def test_an_empty_board_says_what_to_do(client, learner):
    response = board_page(client, learner, track="contributor", period="week")

    assert "Nobody has points on this board yet" in response.content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(client):
    assert client.get(reverse("rewards:leaderboard")).status_code == 302


def test_a_managers_home_shows_their_teams_top_learners(client, manager, learner):
    pay(learner, 40)
    client.force_login(manager)

    page = client.get(reverse("home")).content.decode()

    assert "top learners this month" in page and "Alice" in page


def test_a_learners_home_has_no_team_board(client, learner):
    client.force_login(learner)

    assert "top learners this month" not in client.get(reverse("home")).content.decode()

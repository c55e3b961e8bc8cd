"""Hot pages read aggregates: the same number of queries with a small and a large ledger."""

import pytest
from django.urls import reverse

from rewards.badges import grant_badge
from rewards.models import Badge, Criterion, Reason
from rewards.services import award_points, give_kudos
from tests.support.people import make_user

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12  # measured: leaderboard 8, profile 10, my rewards 11 (session, user, nav and notifications included)


def grow(team, expert, people, events_each):
    badge, _ = Badge.objects.get_or_create(
        slug="helper", defaults={"name": "Helper", "description": "x", "criterion": Criterion.EVENT_COUNT,
                                 "reason": Reason.QUESTION_ANSWERED, "threshold": 1000},
    )
    for i in range(people):
        person = make_user(team=team)
        for n in range(events_each):
            award_points(person=person, reason=Reason.COURSE_COMPLETED, source=("tests.e", f"{person.pk}:{n}"), points=5)
            award_points(person=expert, reason=Reason.QUESTION_ANSWERED, source=("tests.q", f"{person.pk}:{n}"), points=5)
        give_kudos(sender=person, recipient=expert, message=f"Thanks {i}")
        grant_badge(person=person, badge=badge)
    grant_badge(person=expert, badge=badge)


@pytest.mark.parametrize("people,events_each", [(2, 1), (30, 6)])
def test_the_leaderboard_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, team, manager, expert, people, events_each):
    grow(team, expert, people, events_each)
    client.force_login(manager)

    for track in ("learner", "contributor"):
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get(reverse("rewards:leaderboard"), {"track": track, "period": "all", "team": team.pk})
        assert response.status_code == 200


@pytest.mark.parametrize("people,events_each", [(2, 1), (30, 6)])
def test_the_profile_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, team, expert, people, events_each):
    grow(team, expert, people, events_each)
    client.force_login(make_user())

    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(reverse("rewards:person", args=[expert.pk]))
    assert response.status_code == 200
    assert str(expert.points_balance.points) in response.content.decode()


@pytest.mark.parametrize("people,events_each", [(2, 1), (30, 6)])
def test_my_rewards_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, team, expert, people, events_each):
    grow(team, expert, people, events_each)
    client.force_login(expert)

    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(reverse("rewards:mine")).status_code == 200


@pytest.mark.parametrize("people,events_each", [(2, 1), (30, 6)])
def test_the_home_panels_run_a_fixed_number_of_queries(rf, django_assert_num_queries, team, expert, people, events_each):
    from rewards.wagtail_hooks import rewards_home_panels

    grow(team, expert, people, events_each)
    request = rf.get("/")
    request.user = expert

    with django_assert_num_queries(3):  # balance, badges, roles (which the menu loads anyway)
        [panel] = rewards_home_panels(request)
    assert panel.context["balance"].points == expert.points_balance.points


@pytest.mark.parametrize("people,events_each", [(2, 1), (30, 6)])
def test_a_managers_home_panels_run_a_fixed_number_of_queries(rf, django_assert_num_queries, team, manager, expert, people, events_each):
    from rewards.wagtail_hooks import rewards_home_panels

    grow(team, expert, people, events_each)
    request = rf.get("/")
    request.user = manager

    with django_assert_num_queries(6):  # + the managed teams and the team's board
        points, board = rewards_home_panels(request)
    assert len(board.context["board"].rows) == min(people, 5)

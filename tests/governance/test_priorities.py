"""The public priority list: votes, goal weight, skill gap and urgency; never the poster's rank."""

import pytest
from django.urls import reverse

from governance.selectors.needs import need_priority, priority_list
from governance.services.needs import vote
from guild.people.roles import Role
from guild.skills.models import JobRole, PersonSkill, RoleSkillRequirement
from tests.support.courses import make_skill
from tests.support.governance import make_goal, make_need
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def test_the_score_adds_votes_goal_weight_skill_gap_and_urgency(learner, other_learner):
    skill = make_skill("Forecasting")
    role = JobRole.objects.create(name="Planner", slug="planner")
    RoleSkillRequirement.objects.create(job_role=role, skill=skill, level=3)
    for person, level in ((learner, 1), (other_learner, 4)):
        person.job_role = role
        person.save()
        PersonSkill.objects.create(person=person, skill=skill, level=level)
    need = make_need(learner, title="Demand forecasting", goal=make_goal(weight=4), skill=skill, urgency=3)
    vote(need=need, voter=other_learner)
    need.refresh_from_db()
    p = need_priority(need)
    # 2 votes; weight 4 × 3; half the people below the level → 5 of 10; "high" urgency → 6.
    assert [points for _label, points in p.breakdown()] == [2, 12, 5.0, 6]
    assert p.score == 25


def test_the_posters_seniority_does_not_change_the_order(learner):
    executive = make_user(Role.EXECUTIVE, Role.MANAGER)
    from_exec = make_need(executive, title="Board reporting")
    from_learner = make_need(learner, title="Excel pivot tables")
    vote(need=from_learner, voter=make_user())
    ranked = [p.need for p in priority_list()]
    assert ranked == [from_learner, from_exec]


def test_the_board_shows_the_breakdown_to_every_employee(client, learner):
    make_need(learner, title="Excel pivot tables", urgency=4)
    client.force_login(make_user())
    html = client.get(reverse("governance:needs")).content.decode()
    assert "Why this score?" in html and "Urgency: <strong>9</strong>" in html


def test_the_board_runs_the_same_number_of_queries_with_more_needs(client, learner, django_assert_max_num_queries):
    viewer = make_user()
    client.force_login(viewer)

    def add(n, start):
        for i in range(n):
            need = make_need(learner, title=f"Topic{start + i} deep dive{start + i}", goal=make_goal(),
                             skill=make_skill(f"Skill{start + i}"))
            vote(need=need, voter=viewer)

    add(3, 0)
    with django_assert_max_num_queries(9):
        assert client.get(reverse("governance:needs")).status_code == 200
    add(30, 100)
    with django_assert_max_num_queries(9):
        assert client.get(reverse("governance:needs")).status_code == 200

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from guild.people.models import Team
from guild.people.roles import Role
from guild.people.selectors import direct_reports
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def test_the_six_roles_exist_after_migrating():
    names = set(Group.objects.values_list("name", flat=True))
    assert {r.value for r in Role} <= names


def test_experts_reviewers_and_ld_admins_may_open_the_wagtail_admin():
    for role in Role:
        can = Group.objects.get(name=role.value).permissions.filter(codename="access_admin").exists()
        assert can == (role in (Role.EXPERT, Role.REVIEWER, Role.LD_ADMIN)), role


def test_has_role_reads_groups_and_superusers_hold_every_role():
    person = make_user(Role.MANAGER)
    assert person.has_role(Role.MANAGER) and person.has_role(Role.LEARNER)
    assert not person.has_role(Role.LD_ADMIN)
    boss = make_user(is_superuser=True)
    assert boss.has_role(Role.LD_ADMIN, Role.EXECUTIVE)


def test_inactive_people_hold_no_role():
    person = make_user(Role.LD_ADMIN, is_active=False)
    assert not person.has_role(Role.LD_ADMIN)


def test_email_is_the_login_and_is_unique():
    make_user(email="same@example.com")
    with pytest.raises(Exception):  # noqa: B017 - IntegrityError from the unique index
        make_user(email="same@example.com")


def test_team_tree_gives_members_of_sub_teams_and_the_manager():
    root = Team.add_root(name="Acme", slug="acme")
    eng = root.add_child(name="Engineering", slug="eng")
    data = eng.add_child(name="Data", slug="data")
    boss = make_user(Role.MANAGER, team=root)
    lead = make_user(Role.MANAGER, team=eng)
    root.manager, eng.manager = boss, lead
    root.save()
    eng.save()
    analyst = make_user(team=data)
    assert analyst.manager == lead  # data has no manager: the parent's
    assert lead.manager == boss  # a team's own manager reports up
    assert set(direct_reports(manager=lead)) == {analyst}


def test_unknown_time_zone_is_refused_with_a_clear_message():
    person = make_user()
    person.timezone = "Mars/Olympus"
    with pytest.raises(ValidationError) as err:
        person.full_clean()
    assert "not a known time zone" in str(err.value)

"""Named people, one per role, as in the healthchecks.io tests: alice the learner, and so on."""

import itertools

import pytest

from guild.people.roles import Role

_counter = itertools.count(1)
PASSWORD = "correct-horse-battery"

__all__ = [
    "PASSWORD",
    "make_user",
    "learner",
    "other_learner",
    "expert",
    "other_expert",
    "reviewer",
    "manager",
    "ld_admin",
    "executive",
    "team",
    "user_factory",
]


def make_user(*roles, email=None, team=None, password=PASSWORD, verified=True, **extra):
    """A person holding `roles` (every person is a learner), with a verified email address."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password

    from guild.people.models import User
    from guild.people.services import grant_role

    n = next(_counter)
    email = email or f"person{n}@example.com"
    extra.setdefault("first_name", f"Person{n}")
    extra.setdefault("last_name", "Test")
    user = User.objects.create(email=email, team=team, password=make_password(password), **extra)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    for role in (Role.LEARNER, *roles):
        grant_role(user=user, role=role)
    return user


@pytest.fixture
def user_factory(db):
    return make_user


@pytest.fixture
def team(db):
    from guild.people.models import Team

    return Team.add_root(name="Analytics", slug=f"analytics-{next(_counter)}")


@pytest.fixture
def learner(db, team):
    return make_user(email="alice@example.com", team=team, first_name="Alice")


@pytest.fixture
def other_learner(db, team):
    return make_user(email="bob@example.com", team=team, first_name="Bob")


@pytest.fixture
def expert(db):
    return make_user(Role.EXPERT, email="sofia@example.com", first_name="Sofia")


@pytest.fixture
def other_expert(db):
    return make_user(Role.EXPERT, email="omar@example.com", first_name="Omar")


@pytest.fixture
def reviewer(db):
    return make_user(Role.EXPERT, Role.REVIEWER, email="tomas@example.com", first_name="Tomás")


@pytest.fixture
def manager(db, team):
    user = make_user(Role.MANAGER, email="marcus@example.com", team=team, first_name="Marcus")
    team.manager = user
    team.save(update_fields=["manager"])
    return user


@pytest.fixture
def ld_admin(db):
    return make_user(Role.LD_ADMIN, email="priya@example.com", first_name="Priya")


@pytest.fixture
def executive(db):
    return make_user(Role.EXECUTIVE, email="elena@example.com", first_name="Elena")

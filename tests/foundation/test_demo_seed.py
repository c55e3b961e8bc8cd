import pytest
from django.core.management import call_command

from guild.people.models import Team, User
from guild.skills.models import Skill

pytestmark = pytest.mark.django_db


def _counts():
    from django.apps import apps

    return {m._meta.label: m.objects.count() for m in apps.get_models() if m._meta.app_label not in ("sessions",)}


def test_seed_demo_builds_the_company_and_is_idempotent():
    call_command("seed_demo")
    first = _counts()
    assert Team.objects.count() >= 6 and User.objects.count() >= 40 and Skill.objects.count() >= 30
    for email in ("learner", "expert", "reviewer", "manager", "admin", "exec"):
        person = User.objects.get(email=f"{email}@example.com")
        assert person.check_password("guild-demo")
    call_command("seed_demo")
    assert _counts() == first

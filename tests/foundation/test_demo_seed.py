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


def test_the_demo_dashboards_have_figures_before_the_worker_runs(client):
    """The last demo step folds the demo's events and summarises enrolments, so an L&D admin who signs
    in the moment `make demo` starts sees figures, not "not computed yet"."""
    from governance.services.rollups import rollup_lag

    call_command("seed_demo")
    assert rollup_lag() == 0
    client.force_login(User.objects.get(email="admin@example.com"))
    dash = client.get("/governance/").context["dash"]
    assert dash.enrolments_as_of is not None
    assert dash.engagement["enrolments"] > 0 and dash.engagement["active_learners"] > 0
    assert dash.sme["live_courses"] > 0


def test_every_app_registers_its_demo_step_and_the_rollup_fold_runs_last():
    # The platform's seed_demo names no feature: each app's demo.py registers its step.
    from guild import demo

    assert [(s.order, s.name) for s in demo.steps()] == [
        (10, "guild.people.demo"), (20, "courses.demo"), (30, "sme.demo"), (40, "governance.review.demo"),
        (50, "rewards.demo"), (60, "governance.demo"), (70, "courses.automation.demo"),
        (1000, "governance.demo.fold_rollups"),
    ]

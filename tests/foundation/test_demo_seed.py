import pytest
from django.core.management import call_command
from django.utils import timezone

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
    assert User.objects.get(email="camille@example.com").language == "fr"  # the demo's French speaker
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


def test_the_demo_shows_live_sessions_and_retention_boosters(client):
    """A cohort with a session that happened (attendance taken) and one to come (invites sent), and
    boosters asked and answered over a fortnight, today's waiting: on the pages people open."""
    from courses.models.boosters import BoosterPrompt
    from courses.models.cohorts import Attendance, Cohort
    from guild.notifications.models import OutboxMessage

    call_command("seed_demo")
    cohort = Cohort.objects.get(slug="spring-new-managers")
    past, upcoming = cohort.sessions.order_by("starts_at")
    assert past.starts_at < timezone.now() < upcoming.starts_at
    assert Attendance.objects.filter(session=past, present=True).count() == cohort.memberships.count() - 1
    assert OutboxMessage.objects.filter(kind="cohort.invite", payload__session=upcoming.pk).count() == cohort.memberships.count()

    learner = User.objects.get(email="learner@example.com")
    client.force_login(learner)
    page = client.get(f"/learning/cohorts/{cohort.slug}/").content.decode()
    assert past.title in page and upcoming.title in page
    boosters = client.get("/learning/boosters/")
    assert len(boosters.context["prompts"]) == 2 and boosters.context["courses"]  # today's questions wait
    assert BoosterPrompt.objects.filter(learner=learner, answered_at__isnull=False, correct=False).exists()

    client.force_login(User.objects.get(email="admin@example.com"))
    page = client.get(f"/cohorts/{cohort.pk}/").content.decode()
    assert past.title in page and upcoming.title in page and "Absent" in page and "Present" in page
    outbox = client.get("/automation/outbox/?status=sent").content.decode()
    assert "to keep your learning fresh" in outbox

    # The authors see which questions learners forget (their recall report has answers).
    course = BoosterPrompt.objects.filter(learner=learner).first().item.enrolment.course
    client.force_login(course.course_authors.first().user)
    assert any(row.answered for row in client.get("/sme/").context["recall"])

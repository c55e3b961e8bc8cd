"""The enrolment summary behind the dashboard: per period, team and source, recomputed by a task."""

import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses import services as course_services
from courses.models import Enrolment
from governance.models import ActivePeople, EnrolmentSummary
from governance.periods import period_start
from governance.selectors.rollups import summary_refreshed_at
from governance.services.rollups import fold_new_events, refresh_enrolment_summary
from governance.tasks import refresh_summaries as task
from guild.people.models import Team
from tests.support.courses import enrol, make_course
from tests.support.governance import make_events
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def enrolled_days_ago(enrolment, days):
    Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=timezone.now() - timedelta(days=days))


@pytest.fixture
def course():
    return make_course("Negotiation", lessons=1, quiz=False, estimated_minutes=90)


def test_each_period_counts_the_enrolments_made_in_it(team, course):
    recent, older, oldest = (make_user(team=team) for _ in range(3))
    enrol(recent, course)
    enrolled_days_ago(enrol(older, course, source="assigned", due_date=timezone.localdate() - timedelta(days=1)), 60)
    enrolled_days_ago(enrol(oldest, course), 200)

    refresh_enrolment_summary()

    def figures(days):
        rows = EnrolmentSummary.objects.filter(starts_on=period_start(days), ends_on=timezone.localdate(), team_id=team.pk)
        return {r.source: (r.enrolments, r.overdue) for r in rows}

    assert figures(30) == {"self": (1, 0)}
    assert figures(90) == {"self": (1, 0), "assigned": (1, 1)}
    assert figures(365) == {"self": (2, 0), "assigned": (1, 1)}


def test_completions_carry_their_time_to_complete_and_minutes(team, course):
    learner = make_user(team=team)
    enrolment = enrol(learner, course)
    enrolled_days_ago(enrolment, 4)
    enrolment.refresh_from_db()
    course_services.complete_course(enrolment=enrolment)

    refresh_enrolment_summary()

    row = EnrolmentSummary.objects.get(starts_on=period_start(30), team_id=team.pk)
    assert (row.completed, row.learning_minutes) == (1, 90)
    assert 4 * 86400 - 60 < row.completion_seconds < 4 * 86400 + 60


def test_a_refresh_replaces_the_figures_and_follows_people_who_change_team(team, course):
    learner = make_user(team=team)
    enrol(learner, course)
    refresh_enrolment_summary()
    first = summary_refreshed_at()
    sales = Team.add_root(name="Sales", slug="sales-summary")
    learner.team = sales
    learner.save(update_fields=["team"])

    assert refresh_enrolment_summary() == 3  # one row per period, none left over from the first run
    assert set(EnrolmentSummary.objects.values_list("team_id", flat=True)) == {sales.pk}
    assert summary_refreshed_at() > first


def test_the_dashboard_reads_the_summary_and_says_when_it_was_computed(client, ld_admin, team, course):
    for _ in range(3):
        enrol(make_user(team=team), course)
    client.force_login(ld_admin)
    before = client.get(reverse("governance:dashboard"))
    assert before.context["dash"].engagement["enrolments"] == 0  # not summarised yet
    assert "not been computed yet" in before.content.decode()

    refresh_enrolment_summary()

    after = client.get(reverse("governance:dashboard"))
    assert after.context["dash"].engagement["enrolments"] == 3
    assert "Active people, enrolment and course figures as of" in after.content.decode()


def test_the_worker_refreshes_the_summaries(celery_worker, team, course):
    learner = make_user(team=team)
    enrol(learner, course)
    make_events([learner], 3, verbs=("experienced",), days=1)
    fold_new_events()
    task.delay()
    deadline = time.monotonic() + 60
    while not ActivePeople.objects.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert EnrolmentSummary.objects.filter(starts_on=period_start(30), enrolments=1).exists()
    assert ActivePeople.objects.get(starts_on=period_start(30), team_id=team.pk).learners == 1


def test_the_sme_figures_count_live_courses_their_internal_authors_and_ignore_drafts(client, ld_admin, expert,
                                                                                      other_expert):
    make_course("Written in house", authors=[expert, other_expert], lessons=1, quiz=False)
    make_course("Also in house", authors=[expert], lessons=1, quiz=False)
    make_course("Bought in", lessons=1, quiz=False)
    make_course("Draft by someone else", authors=[make_user()], lessons=1, quiz=False, publish=False)

    refresh_enrolment_summary()

    client.force_login(ld_admin)
    sme = client.get(reverse("governance:dashboard")).context["dash"].sme
    assert (sme["live_courses"], sme["internally_authored_pct"], sme["authors_of_live_courses"]) == (3, 66.7, 2)

import datetime

import pytest

from guild.notifications.models import Notification
from rewards.models import Badge, BadgeAward, Criterion, MonthlySummary, Reason
from rewards.recognition import summarise_month
from rewards.services import award_points
from rewards.tasks import monthly_recognition
from tests.support.people import make_user

OCTOBER = datetime.date(2026, 10, 1)
MID_OCTOBER = datetime.datetime(2026, 10, 15, 12, tzinfo=datetime.UTC)


def contribute(person, reason, n, when=MID_OCTOBER):
    award_points(person=person, reason=reason, source=(f"tests.{reason}", n), points=10, when=when)


@pytest.fixture
def october(team, learner, manager, ld_admin):
    """Alice (in Marcus's team) answered two questions and reviewed a course in October."""
    contribute(learner, Reason.QUESTION_ANSWERED, 1)
    contribute(learner, Reason.QUESTION_ANSWERED, 2)
    contribute(learner, Reason.REVIEW_COMPLETED, 3)
    contribute(learner, Reason.QUESTION_ANSWERED, 4, when=MID_OCTOBER + datetime.timedelta(days=30))  # November
    contribute(learner, Reason.COURSE_COMPLETED, 5)  # learning, not contributing
    return learner


@pytest.mark.django_db
def test_the_summary_tells_the_manager_the_contributor_and_ld_what_they_did(october, manager, ld_admin):
    summarise_month(month=OCTOBER)

    summary = MonthlySummary.objects.get(person=october, month=OCTOBER)
    assert (summary.answers, summary.reviews, summary.courses_published, summary.points) == (2, 1, 0, 30)
    to_manager = Notification.objects.get(recipient=manager, kind="rewards.monthly_summary")
    assert "Alice" in to_manager.title and "2 questions answered" in to_manager.body
    assert Notification.objects.filter(recipient=october, kind="rewards.monthly_summary").count() == 1
    digest = Notification.objects.get(recipient=ld_admin, kind="rewards.monthly_digest")
    assert "1 contributors" in digest.title and "month=2026-10" in digest.url


@pytest.mark.django_db
def test_running_the_month_twice_sends_nothing_twice(october, manager, ld_admin):
    summarise_month(month=OCTOBER)
    again = summarise_month(month=OCTOBER)

    assert again["written"] == 0 and again["notified"] == 0
    assert MonthlySummary.objects.count() == 1
    assert Notification.objects.filter(kind__startswith="rewards.monthly").count() == 3


@pytest.mark.django_db
def test_a_month_without_contributions_sends_nothing(learner, ld_admin):
    contribute(learner, Reason.COURSE_COMPLETED, 1)

    assert summarise_month(month=OCTOBER)["contributors"] == 0
    assert not Notification.objects.filter(kind__startswith="rewards.monthly").exists()


@pytest.mark.django_db
def test_people_are_summarised_in_batches(manager, team, ld_admin):
    people = [make_user(team=team) for _ in range(5)]
    for i, person in enumerate(people):
        contribute(person, Reason.QUESTION_ANSWERED, i)

    result = summarise_month(month=OCTOBER, batch_size=2)

    assert result["contributors"] == 5
    assert MonthlySummary.objects.filter(month=OCTOBER).count() == 5


def test_the_monthly_task_runs_on_the_worker(celery_worker, team, learner, manager, ld_admin):
    """The real worker process, on the committed data: badges for the top contributors and the summaries."""
    badge = Badge.objects.create(
        name="Top contributor", slug="top-contributor", description="Top 1 of the month",
        criterion=Criterion.TOP_CONTRIBUTOR, threshold=1,
    )
    contribute(learner, Reason.QUESTION_ANSWERED, 1)

    monthly_recognition.delay("2026-10")

    import time

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not MonthlySummary.objects.filter(person=learner).exists():
        time.sleep(0.5)
    assert MonthlySummary.objects.filter(person=learner, month=OCTOBER).exists(), celery_worker.output()
    assert BadgeAward.objects.filter(person=learner, badge=badge).exists()
    assert Notification.objects.filter(recipient=manager, kind="rewards.monthly_summary").exists()

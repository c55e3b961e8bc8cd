"""The reminder sweep, called directly: what it queues, for whom, and only once."""

from datetime import UTC, timedelta

import pytest
from django.utils import timezone

from courses.automation.reminders import sweep_reminders
from courses.models import Enrolment
from guild.notifications.models import OutboxMessage
from tests.support.automation import due_in, open_policy, outbox_keys
from tests.support.courses import make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(expert):
    return make_course("Data privacy basics", authors=[expert], lessons=1, quiz=False)


def test_a_reminder_goes_out_seven_days_before_the_due_date(learner, course):
    open_policy()
    enrolment = due_in(learner, course, 7)
    sweep_reminders(enqueue=False)
    assert outbox_keys() == [f"reminder:due-7:{enrolment.pk}:{enrolment.due_date}"]
    message = OutboxMessage.objects.get()
    assert message.recipient == learner and message.kind == "reminder.due" and message.payload["days"] == 7


def test_running_the_sweep_twice_queues_each_reminder_once(learner, other_learner, course):
    open_policy()
    due_in(learner, course, 1)
    due_in(other_learner, course, 5)
    first = sweep_reminders(enqueue=False)
    second = sweep_reminders(enqueue=False)
    assert first["queued"] == 2 and second["queued"] == 0
    assert OutboxMessage.objects.count() == 2


def test_the_day_before_reminder_is_a_second_distinct_message(learner, course):
    open_policy()
    enrolment = due_in(learner, course, 6)
    sweep_reminders(enqueue=False)
    Enrolment.objects.filter(pk=enrolment.pk).update(due_date=enrolment.due_date - timedelta(days=5))
    sweep_reminders(enqueue=False)
    assert [k.split(":")[1] for k in outbox_keys()] == ["due-1", "due-7"]


def test_nothing_is_sent_for_courses_due_later_than_the_first_reminder(learner, course):
    open_policy()
    due_in(learner, course, 20)
    assert sweep_reminders(enqueue=False)["queued"] == 0


def test_overdue_reminders_repeat_every_n_days_up_to_m_times(learner, course):
    open_policy(overdue_every_days=3, overdue_max_reminders=2, escalate_after_days=0)
    enrolment = due_in(learner, course, -1)
    now = timezone.now()
    for day in range(0, 12):
        sweep_reminders(now=now + timedelta(days=day), enqueue=False)
    overdue = [k for k in outbox_keys() if k.startswith("reminder:overdue")]
    assert overdue == [f"reminder:overdue-1:{enrolment.pk}:{enrolment.due_date}",
                       f"reminder:overdue-2:{enrolment.pk}:{enrolment.due_date}"]


def test_a_completed_enrolment_gets_no_reminder(learner, course):
    open_policy()
    enrolment = due_in(learner, course, 1)
    Enrolment.objects.filter(pk=enrolment.pk).update(status="completed", completed_at=timezone.now())
    assert sweep_reminders(enqueue=False)["queued"] == 0


def test_the_manager_hears_about_it_after_n_days_overdue(learner, manager, course):
    open_policy(escalate_after_days=5)
    enrolment = due_in(learner, course, -4)
    sweep_reminders(enqueue=False)
    assert not OutboxMessage.objects.filter(kind="escalation.overdue").exists()
    Enrolment.objects.filter(pk=enrolment.pk).update(due_date=enrolment.due_date - timedelta(days=1))
    sweep_reminders(enqueue=False)
    escalation = OutboxMessage.objects.get(kind="escalation.overdue")
    assert escalation.recipient == manager
    assert escalation.payload["learner_name"].startswith("Alice")


def test_a_person_without_a_manager_is_not_escalated_and_the_sweep_goes_on(course, expert):
    from tests.support.people import make_user

    open_policy(escalate_after_days=1)
    loner = make_user()  # no team, so no manager
    due_in(loner, course, -3)
    counts = sweep_reminders(enqueue=False)
    assert counts["skipped"] == 0
    assert not OutboxMessage.objects.filter(kind="escalation.overdue").exists()
    assert OutboxMessage.objects.filter(kind="reminder.overdue", recipient=loner).exists()


def test_a_started_but_idle_course_gets_a_nudge(learner, course):
    open_policy(inactivity_days=10)
    long_ago = timezone.now() - timedelta(days=11)
    enrolment = due_in(learner, course, 60, started_at=long_ago, last_activity_at=long_ago)
    sweep_reminders(enqueue=False)
    assert outbox_keys(kind="reminder.inactive") == [f"nudge:inactive:{enrolment.pk}:{long_ago:%Y%m%d}"]


def test_due_dates_are_counted_in_the_learners_own_time_zone(learner, other_learner, course):
    """At 11:00 UTC it is already tomorrow in Kiritimati (UTC+14): a course due 'tomorrow UTC'
    is due today there, so the day-before reminder applies, not the week-before one."""
    from datetime import datetime

    open_policy(before_due_days="7,1")
    learner.timezone = "Pacific/Kiritimati"
    learner.save(update_fields=["timezone"])
    now = datetime(2030, 3, 10, 11, 0, tzinfo=UTC)
    for person in (learner, other_learner):
        e = due_in(person, course, 0)
        Enrolment.objects.filter(pk=e.pk).update(due_date=now.date() + timedelta(days=2))
    sweep_reminders(now=now, enqueue=False)
    by_person = dict(OutboxMessage.objects.values_list("recipient__email", "payload__days"))
    assert by_person == {"alice@example.com": 1, "bob@example.com": 2}


def test_messages_wait_for_the_persons_sending_hours(learner, course):
    from datetime import datetime

    open_policy(send_from_hour=9, send_until_hour=18)
    learner.timezone = "Europe/Paris"
    learner.save(update_fields=["timezone"])
    now = datetime(2030, 1, 15, 22, 30, tzinfo=UTC)  # 23:30 in Paris
    e = due_in(learner, course, 0)
    Enrolment.objects.filter(pk=e.pk).update(due_date=now.date() + timedelta(days=3))
    sweep_reminders(now=now, enqueue=False)
    assert OutboxMessage.objects.get().send_after == datetime(2030, 1, 16, 8, 0, tzinfo=UTC)  # 09:00 Paris


def test_an_unknown_time_zone_in_the_database_never_stops_the_sweep(learner, other_learner, course):
    from guild.people.models import User

    open_policy()
    due_in(learner, course, 1)
    due_in(other_learner, course, 1)
    User.objects.filter(pk=learner.pk).update(timezone="Mars/Olympus_Mons")  # bypasses validation, as a bad import would
    counts = sweep_reminders(enqueue=False)
    assert counts["queued"] == 2


def test_the_sweep_runs_a_fixed_number_of_queries_whatever_the_number_of_enrolments(
    course, manager, team, django_assert_max_num_queries
):
    from tests.support.automation import bulk_learners_enrolled

    open_policy(escalate_after_days=1)
    bulk_learners_enrolled(course, 5, days=1, prefix="small")
    with django_assert_max_num_queries(12):
        assert sweep_reminders(enqueue=False)["queued"] == 5
    bulk_learners_enrolled(course, 60, days=-3, prefix="large")
    from guild.people.models import User

    User.objects.filter(email__startswith="large").update(team=team)
    with django_assert_max_num_queries(12):
        assert sweep_reminders(enqueue=False)["queued"] == 120  # 60 overdue + 60 escalations

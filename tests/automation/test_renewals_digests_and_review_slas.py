"""Certificate renewals, weekly digests and review SLA reminders: each once per occurrence."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from courses.automation.digests import sweep_team_digests
from courses.automation.renewals import sweep_renewals
from courses.models import Certificate, Enrolment
from guild.notifications.models import OutboxMessage
from sme.sweeps import sweep_author_digests
from tests.support.automation import due_in, open_policy, outbox_keys
from tests.support.courses import complete_course_for, make_course

pytestmark = pytest.mark.django_db


def test_a_certificate_about_to_expire_re_enrols_the_person_once(learner, expert):
    open_policy(renewal_days_before=30)
    course = make_course("First aid", authors=[expert], lessons=1, quiz=False, certificate_validity_months=12)
    certificate = complete_course_for(learner, course)
    expires = timezone.now() + timedelta(days=20)
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=expires)
    assert sweep_renewals(enqueue=False)["renewed"] == 1
    assert sweep_renewals(enqueue=False)["renewed"] == 0
    enrolment = Enrolment.objects.get(learner=learner, course=course)
    assert enrolment.status == "active" and enrolment.progress == 0
    assert enrolment.due_date == expires.date()
    message = OutboxMessage.objects.get(kind="renewal")
    assert message.recipient == learner and message.key == f"renewal:{certificate.pk}"


def test_a_certificate_far_from_expiry_is_left_alone(learner, expert):
    open_policy(renewal_days_before=30)
    course = make_course("First aid", authors=[expert], lessons=1, quiz=False, certificate_validity_months=12)
    certificate = complete_course_for(learner, course)
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=timezone.now() + timedelta(days=200))
    assert sweep_renewals(enqueue=False)["renewed"] == 0
    assert Enrolment.objects.get(learner=learner).status == "completed"


def test_managers_get_one_team_digest_per_week_on_or_after_the_digest_day(manager, learner, expert):
    open_policy(digest_weekday=2)  # Wednesday
    course = make_course("Negotiation", authors=[expert], lessons=1, quiz=False)
    due_in(learner, course, -2)
    tuesday = datetime(2030, 1, 8, 12, tzinfo=UTC)
    assert sweep_team_digests(now=tuesday, enqueue=False)["queued"] == 0
    wednesday, thursday = tuesday + timedelta(days=1), tuesday + timedelta(days=2)
    assert sweep_team_digests(now=wednesday, enqueue=False)["queued"] == 1
    assert sweep_team_digests(now=thursday, enqueue=False)["queued"] == 0
    digest = OutboxMessage.objects.get(kind="digest.team")
    assert digest.recipient == manager and digest.key == f"digest:team:{manager.pk}:2030-W02"
    assert digest.payload["members"] == 1


def test_authors_get_a_digest_only_when_there_is_feedback(learner, expert):
    from courses.services import rate_course

    open_policy(digest_weekday=0)
    course = make_course("Negotiation", authors=[expert], lessons=1, quiz=False)
    assert sweep_author_digests(enqueue=False)["queued"] == 0
    from courses.services import enrol

    enrol(learner=learner, course=course)
    rate_course(learner=learner, course=course, stars=4)
    assert sweep_author_digests(enqueue=False)["queued"] == 1
    digest = OutboxMessage.objects.get(kind="digest.author")
    assert digest.recipient == expert and digest.payload["ratings"] == 1


# --- Review SLAs (reads governance.review's ReviewAssignment) ------------------------------------


@pytest.fixture
def review(settings, expert):
    """A course in peer review, with one reviewer assigned."""
    from governance.review.models import ReviewAssignment
    from tests.support.courses import make_catalogue
    from tests.support.review import make_reviewer, submit_for_review

    settings.GUILD_REVIEW_LD_SIGNOFF = False
    make_catalogue()
    make_reviewer("SQL", email="rita@example.com")
    course = make_course("Joins", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(course, expert)
    return ReviewAssignment.objects.get(course=course)


def test_a_reviewer_is_reminded_before_the_review_is_due_and_again_when_late(review):
    from governance.review.models import ReviewAssignment
    from governance.review.sweeps import sweep_review_slas

    open_policy(review_remind_hours=24, review_escalate_days=2)
    ReviewAssignment.objects.filter(pk=review.pk).update(due_at=timezone.now() + timedelta(hours=5))
    sweep_review_slas(enqueue=False)
    sweep_review_slas(enqueue=False)
    assert outbox_keys(kind="review.reminder") == [f"review:due:{review.pk}"]
    ReviewAssignment.objects.filter(pk=review.pk).update(due_at=timezone.now() - timedelta(hours=5))
    sweep_review_slas(enqueue=False)
    assert outbox_keys(kind="review.reminder") == [f"review:due:{review.pk}", f"review:overdue:{review.pk}"]
    assert not OutboxMessage.objects.filter(kind="review.escalation").exists()


def test_ld_admins_and_the_shared_mailbox_hear_about_a_review_late_by_n_days(review, ld_admin):
    from governance.review.models import ReviewAssignment
    from governance.review.sweeps import sweep_review_slas

    open_policy(review_escalate_days=2, escalation_email="learning@example.com")
    ReviewAssignment.objects.filter(pk=review.pk).update(due_at=timezone.now() - timedelta(days=3))
    sweep_review_slas(enqueue=False)
    sweep_review_slas(enqueue=False)
    escalations = OutboxMessage.objects.filter(kind="review.escalation")
    assert {(m.recipient_id, m.to_email) for m in escalations} == {(ld_admin.pk, ""), (None, "learning@example.com")}

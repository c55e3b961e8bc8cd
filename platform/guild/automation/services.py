"""Automation: enrolment rules, the reminder sweep, certificate renewals and manager assignments.

Every sweep walks its table by keyset pagination (`id > last ORDER BY id LIMIT n`), so memory
stays flat whatever the size, and writes outbox rows under unique keys, so a sweep that runs
twice or dies half-way and runs again sends every message exactly once from the outbox."""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import services as courses_services
from courses.models import Certificate, CoursePage, Enrolment, EnrolmentSource, EnrolmentStatus
from guild.notifications.models import OutboxMessage
from guild.notifications.services import queue_messages
from guild.people.models import Team

from . import conf
from .models import EnrolmentRule, ReminderPolicy, RuleRun
from .timing import local_date, send_time, zone

logger = logging.getLogger(__name__)
User = get_user_model()


class AutomationError(Exception):
    """A request the rules refuse; `message` is translated and safe to show."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def enqueue_delivery():
    """One delivery task for a whole batch (never one per message); the outbox is the queue of record."""
    from .tasks import deliver_outbox

    try:
        deliver_outbox.delay()
    except Exception:  # noqa: BLE001 - broker down: beat's periodic delivery sends the rows later
        logger.exception("could not enqueue outbox delivery; the periodic sender will pick the rows up")


# --- Enrolment rules -------------------------------------------------------------------------------


def rule_courses(rule) -> list[CoursePage]:
    """The live courses a rule enrols people in: its course, or its path's courses in order."""
    if rule.course_id:
        return [rule.course] if rule.course.live else []
    if not rule.path.live:
        return []
    return [pc.course for pc in rule.path.path_courses.select_related("course").order_by("sort_order") if pc.course.live]


def _target_skill_ids(rule) -> list[int]:
    if rule.course_id:
        return list(rule.course.skills.values_list("pk", flat=True))
    ids = set(rule.path.skills.values_list("pk", flat=True))
    for course in rule_courses(rule):
        ids.update(course.skills.values_list("pk", flat=True))
    return sorted(ids)


def audience(rule, *, now=None):
    """The people a rule is for, as a queryset (criteria combine with AND)."""
    from guild.skills.models import PersonSkill, RoleSkillRequirement

    if not rule.has_audience:
        return User.objects.none()
    now = now or timezone.now()
    qs = User.objects.filter(is_active=True)
    if rule.team_id:
        # Read the path afresh: adding a team can move its siblings in the tree.
        qs = qs.filter(team__path__startswith=Team.objects.values_list("path", flat=True).get(pk=rule.team_id))
    if rule.role:
        qs = qs.filter(groups__name=rule.role)
    if rule.joined_within_days:
        qs = qs.filter(date_joined__gte=now - timedelta(days=rule.joined_within_days))
    if rule.lacking_required_skills:
        held = PersonSkill.objects.filter(
            person=OuterRef(OuterRef("pk")), skill=OuterRef("skill"), level__gte=OuterRef("level")
        )
        gaps = RoleSkillRequirement.objects.filter(job_role=OuterRef("job_role")).exclude(Exists(held))
        skill_ids = _target_skill_ids(rule)
        if skill_ids:
            gaps = gaps.filter(skill_id__in=skill_ids)
        qs = qs.filter(Exists(gaps))
    return qs


def due_date_for(rule, *, tz_name: str, now):
    if rule.due_on:
        return rule.due_on
    if rule.due_in_days:
        return local_date(now, tz_name) + timedelta(days=rule.due_in_days)
    return None


def _enrolment_message(enrolment, course, *, assigned_by=None) -> OutboxMessage:
    return OutboxMessage(
        key=f"enrolled:{enrolment.pk}:{enrolment.enrolled_at:%Y%m%d%H%M%S}", recipient_id=enrolment.learner_id,
        kind="enrolment.assigned", mandatory=course.is_mandatory,
        payload={
            "course": course.pk, "course_title": course.title,
            "due_date": enrolment.due_date.isoformat() if enrolment.due_date else None,
            "assigned_by": assigned_by.display_name if assigned_by else "",
        },
    )


def apply_rule(*, rule, trigger=RuleRun.Trigger.SCHEDULE, user_ids=None, batch_size=None, now=None) -> RuleRun | None:
    """Enrol everyone in the rule's audience (or those of `user_ids` in it) who is not enrolled yet.

    Never enrols anyone twice: people with any enrolment in the course (even one they left)
    are skipped, and courses.services.enrol is idempotent under the unique constraint.
    Records a RuleRun; for a person trigger only when that person matched."""
    now = now or timezone.now()
    batch_size = batch_size or conf.batch_size()
    run = RuleRun(rule=rule, trigger=trigger, started_at=now)
    if trigger != RuleRun.Trigger.PERSON:
        run.save()
    try:
        courses = rule_courses(rule)
        people = audience(rule, now=now)
        if user_ids is not None:
            people = people.filter(pk__in=user_ids)
        last = 0
        while True:
            batch = list(people.filter(pk__gt=last).order_by("pk").distinct()[:batch_size])
            if not batch:
                break
            last = batch[-1].pk
            run.matched_count += len(batch)
            enrolled = set(
                Enrolment.objects.filter(learner__in=batch, course__in=courses).values_list("learner_id", "course_id")
            )
            messages = []
            for person in batch:
                for course in courses:
                    if (person.pk, course.pk) in enrolled:
                        continue
                    try:
                        enrolment, created = courses_services.enrol(
                            learner=person, course=course, source=EnrolmentSource.RULE, source_id=rule.pk,
                            due_date=due_date_for(rule, tz_name=person.timezone, now=now),
                        )
                    except Exception:  # noqa: BLE001 - one bad person never stops the rule
                        logger.exception("rule %s: could not enrol person %s in course %s", rule.pk, person.pk, course.pk)
                        run.skipped_count += 1
                        continue
                    if created:
                        run.enrolled_count += 1
                        messages.append(_enrolment_message(enrolment, course))
            if queue_messages(messages):
                enqueue_delivery()
    except Exception as exc:  # noqa: BLE001 - recorded on the run, shown to L&D
        logger.exception("rule %s failed", rule.pk)
        run.error = f"{type(exc).__name__}: {exc}"[:2000]
    run.finished_at = timezone.now()
    if trigger == RuleRun.Trigger.PERSON and not (run.matched_count or run.error):
        return None
    run.save()
    logger.info("rule %s (%s): %s matched, %s enrolled, %s skipped", rule.pk, trigger, run.matched_count,
                run.enrolled_count, run.skipped_count)
    return run


def run_rules(*, trigger=RuleRun.Trigger.SCHEDULE, user_id=None, now=None) -> list[RuleRun]:
    """Every active rule, for everyone or for one person (who just joined or changed team)."""
    runs = []
    rules = EnrolmentRule.objects.filter(is_active=True).select_related("course", "path", "team").order_by("pk")
    for rule in rules:
        run = apply_rule(rule=rule, trigger=trigger, user_ids=None if user_id is None else [user_id], now=now)
        if run is not None:
            runs.append(run)
    return runs


# --- Manager assignments ---------------------------------------------------------------------------


@dataclass
class AssignmentResult:
    enrolled: list = field(default_factory=list)
    already: list = field(default_factory=list)


def assign_course(*, manager, course, learners, due_date, now=None) -> AssignmentResult:
    """A manager assigns a course, with a due date, to people in their own teams."""
    from guild.people.selectors import direct_reports

    now = now or timezone.now()
    if due_date is None or due_date < local_date(now, manager.timezone):
        raise AutomationError(_("The due date must be today or later."))
    if not learners:
        raise AutomationError(_("Choose at least one person."))
    allowed = set(direct_reports(manager=manager).filter(pk__in=[p.pk for p in learners]).values_list("pk", flat=True))
    outsiders = [p for p in learners if p.pk not in allowed]
    if outsiders:
        raise AutomationError(
            _("You can only assign courses to people in your teams (not %(names)s).")
            % {"names": ", ".join(p.display_name for p in outsiders)}
        )
    if not course.live:
        raise AutomationError(_("This course is not published."))
    result = AssignmentResult()
    messages = []
    for person in learners:
        try:
            enrolment, created = courses_services.enrol(
                learner=person, course=course, source=EnrolmentSource.ASSIGNED, assigned_by=manager, due_date=due_date
            )
        except courses_services.LearningError as exc:
            raise AutomationError(exc.message) from exc
        (result.enrolled if created else result.already).append(enrolment)
        if created:
            messages.append(_enrolment_message(enrolment, course, assigned_by=manager))
    if queue_messages(messages):
        transaction.on_commit(enqueue_delivery)
    return result


# --- Certificate renewal ----------------------------------------------------------------------------


def sweep_renewals(*, now=None, batch_size=None, enqueue=True) -> dict:
    """Ahead of a certificate's expiry, re-open its enrolment (due on the expiry date, in the
    person's time zone) and tell the person. The outbox key and the renewal commit together,
    so each certificate is renewed and announced once."""
    now = now or timezone.now()
    batch_size = batch_size or conf.batch_size()
    policy = ReminderPolicy.get()
    newer = Certificate.objects.filter(enrolment=OuterRef("enrolment"), issued_at__gt=OuterRef("issued_at"))
    expiring = Certificate.objects.filter(
        revoked_at__isnull=True, expires_at__gt=now, expires_at__lte=now + timedelta(days=policy.renewal_days_before),
        enrolment__status=EnrolmentStatus.COMPLETED,
    ).exclude(Exists(newer))
    counts = {"renewed": 0, "skipped": 0, "batches": 0}
    last = 0
    while True:
        batch = list(expiring.filter(pk__gt=last).order_by("pk").select_related("enrolment", "course", "learner")[:batch_size])
        if not batch:
            break
        last = batch[-1].pk
        counts["batches"] += 1
        done = set(OutboxMessage.objects.filter(key__in=[f"renewal:{c.pk}" for c in batch]).values_list("key", flat=True))
        for certificate in batch:
            key = f"renewal:{certificate.pk}"
            if key in done:
                continue
            learner = certificate.learner
            due = certificate.expires_at.astimezone(zone(learner.timezone)).date()
            try:
                with transaction.atomic():
                    OutboxMessage.objects.create(
                        key=key, recipient=learner, kind="renewal", mandatory=certificate.course.is_mandatory,
                        send_after=send_time(now, learner.timezone, policy.send_from_hour, policy.send_until_hour),
                        payload={"course": certificate.course_id, "course_title": certificate.course.title,
                                 "due_date": due.isoformat(), "expires": due.isoformat(), "certificate": certificate.pk},
                    )
                    courses_services.renew_enrolment(enrolment=certificate.enrolment, due_date=due)
            except IntegrityError:
                continue  # another sweep renewed it a moment ago
            except Exception:  # noqa: BLE001
                logger.exception("renewal sweep: skipped certificate %s", certificate.pk)
                counts["skipped"] += 1
                continue
            counts["renewed"] += 1
        if counts["renewed"] and enqueue:
            enqueue_delivery()
    logger.info("renewal sweep: %(renewed)s renewed, %(skipped)s skipped", counts)
    return counts

"""Enrolment rules: who (the audience) gets which course or path, and by when.

A rule walks its audience by keyset pagination (`id > last ORDER BY id LIMIT n`), so memory stays
flat whatever the size, and enrols through courses.services.enrol, which is idempotent under the
one-enrolment-per-learner-and-course constraint; each new enrolment queues one outbox message."""

import logging
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import services as courses_services
from courses.models import CoursePage, Enrolment, EnrolmentSource
from guild.core.sweeps import batch_size as default_batch_size
from guild.notifications.services import queue_messages
from guild.notifications.tasks import enqueue_delivery
from guild.notifications.timing import local_date
from guild.people.models import Team
from guild.people.roles import Role
from guild.people.selectors import teams_managed_by
from guild.skills.models import PersonSkill, RoleSkillRequirement

from .errors import AutomationError
from .message_kinds import enrolment_message
from .models import EnrolmentRule, RuleRun

logger = logging.getLogger(__name__)
User = get_user_model()


def can_manage_all_rules(user) -> bool:
    return user.has_role(Role.LD_ADMIN)


def rule_teams(user):
    """The teams `user` may aim a rule at (sub-teams included): every team for an executive, who leads
    the whole organisation without managing its top team; the teams they manage for a manager."""
    if user.has_role(Role.EXECUTIVE):
        return Team.objects.all()
    return teams_managed_by(user=user)


def save_rule(*, rule: EnrolmentRule, by) -> EnrolmentRule:
    """Save a rule that `by` made or changed. L&D may aim a rule at anyone; an executive at any team; a
    manager only at one of the teams they manage (and its sub-teams), so a manager never enrols people
    outside their teams."""
    if not can_manage_all_rules(by) and (
        rule.team_id is None or not rule_teams(by).filter(pk=rule.team_id).exists()
    ):
        raise AutomationError(_("Choose one of the teams you manage."))
    if rule.pk is None:
        rule.created_by = by
    rule.save()
    return rule


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
        # New hires by the hire date HR sets (SCIM, the people API, L&D), never by the account's
        # creation: switching SCIM on creates every account on one day. No hire date: not a new hire.
        qs = qs.filter(hire_date__gte=timezone.localdate(now) - timedelta(days=rule.joined_within_days))
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


def apply_rule(*, rule, trigger=RuleRun.Trigger.SCHEDULE, user_ids=None, batch_size=None, now=None) -> RuleRun | None:
    """Enrol everyone in the rule's audience (or those of `user_ids` in it) who is not enrolled yet.

    Never enrols anyone twice: people with any enrolment in the course (even one they left)
    are skipped, and courses.services.enrol is idempotent under the unique constraint.
    Records a RuleRun; for a person trigger only when that person matched."""
    now = now or timezone.now()
    batch_size = batch_size or default_batch_size()
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
                        run.already_enrolled_count += 1
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
                        messages.append(enrolment_message(enrolment, course))
                    else:  # enrolled between our read and the insert
                        run.already_enrolled_count += 1
            if queue_messages(messages):
                enqueue_delivery()
    except Exception as exc:  # noqa: BLE001 - recorded on the run, shown to L&D
        logger.exception("rule %s failed", rule.pk)
        run.error = f"{type(exc).__name__}: {exc}"[:2000]
    run.finished_at = timezone.now()
    if trigger == RuleRun.Trigger.PERSON and not (run.matched_count or run.error):
        return None
    run.save()
    logger.info("rule %s (%s): %s matched, %s enrolled, %s already enrolled, %s skipped", rule.pk, trigger,
                run.matched_count, run.enrolled_count, run.already_enrolled_count, run.skipped_count)
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

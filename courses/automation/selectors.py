from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone

from courses.models import Enrolment, EnrolmentStatus
from guild.notifications.models import OutboxMessage
from guild.people.roles import Role
from guild.people.selectors import direct_reports

from .models import EnrolmentRule, RuleRun
from .rules import can_manage_all_rules, rule_teams


def rules_visible_to(*, user):
    """L&D sees every rule; an executive every rule aimed at a team; a manager the rules aimed at the
    teams they manage."""
    rules = EnrolmentRule.objects.select_related("team", "course", "path", "created_by")
    if can_manage_all_rules(user):
        return rules
    if user.has_role(Role.EXECUTIVE) or user.has_role(Role.MANAGER):
        return rules.filter(team__in=rule_teams(user))
    return rules.none()


def rules_with_last_run(*, user):
    last = RuleRun.objects.filter(rule=OuterRef("pk")).order_by("-started_at", "-id")
    return rules_visible_to(user=user).annotate(
        last_run_at=Subquery(last.values("started_at")[:1]),
        last_run_enrolled=Subquery(last.values("enrolled_count")[:1]),
        last_run_matched=Subquery(last.values("matched_count")[:1]),
        last_run_already=Subquery(last.values("already_enrolled_count")[:1]),
        last_run_error=Subquery(last.values("error")[:1]),
    )


def outbox(*, status=None):
    qs = OutboxMessage.objects.select_related("recipient").defer("payload")
    return qs.filter(status=status) if status else qs


def outbox_counts() -> dict:
    return dict(OutboxMessage.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))


def team_progress(*, manager):
    """Each person in the manager's teams with their counts (one query)."""
    today = timezone.localdate()
    return direct_reports(manager=manager).select_related("team").annotate(
        active_count=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.ACTIVE)),
        completed_count=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.COMPLETED)),
        overdue_count=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.ACTIVE, enrolments__due_date__lt=today)),
    ).order_by("first_name", "last_name", "pk")


def team_overdue(*, manager, limit=50):
    today = timezone.localdate()
    return (
        Enrolment.objects.filter(learner__in=direct_reports(manager=manager), status=EnrolmentStatus.ACTIVE,
                                 due_date__lt=today)
        .select_related("learner", "course").order_by("due_date", "pk")[:limit]
    )

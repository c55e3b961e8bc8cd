"""Demo automation: the reminder policy, two enrolment rules (run once), an overdue assignment
for the named learner, and the first reminders queued in the outbox, so that the worker sends
them within a minute of `make demo` (the outbox page shows them; email goes to the console).
Idempotent: a second run changes nothing."""

from datetime import timedelta

from django.utils import timezone

from courses.models import CoursePage, Enrolment, EnrolmentSource, LearningPathPage
from courses.services import enrol
from guild import demo
from guild.core import sweeps
from guild.notifications.models import OutboxMessage
from guild.people.models import Team, User
from guild.people.roles import Role

from .models import EnrolmentRule, ReminderPolicy, RuleRun
from .rules import apply_rule

RULES = [
    # (name, audience, target slug, due in days)
    ("New joiners take security awareness", {"joined_within_days": 90}, "security-awareness", 14),
    ("Managers learn to run 1:1s", {"role": Role.MANAGER}, "running-effective-1-1s", 30),
    ("Analysts on the foundations path", {"team_slug": "data"}, "data-analyst-foundations", 60),
]


def _target(slug):
    course = CoursePage.objects.live().filter(slug=slug).first()
    if course:
        return {"course": course}
    path = LearningPathPage.objects.live().filter(slug=slug).first()
    return {"path": path} if path else None


@demo.step(order=70)
def seed(stdout=None):
    # Demo sends at any hour and escalates early, so that every kind of reminder shows up at start.
    policy, created = ReminderPolicy.objects.get_or_create(pk=1, defaults={"send_from_hour": 0, "send_until_hour": 24, "escalate_after_days": 3})
    admin = User.objects.filter(email="admin@example.com").first()
    rules = []
    for name, audience, slug, due in RULES:
        target = _target(slug)
        audience = dict(audience)
        team_slug = audience.pop("team_slug", None)
        if team_slug:
            team = Team.objects.filter(slug=team_slug).first() or Team.objects.order_by("path").first()
            if team is None:
                continue
            audience["team"] = team
        if target is None:
            continue
        rule, _ = EnrolmentRule.objects.get_or_create(
            name=name, defaults={**audience, **target, "due_in_days": due, "created_by": admin}
        )
        rules.append(rule)
    for rule in rules:
        if not rule.runs.exists():
            apply_rule(rule=rule, trigger=RuleRun.Trigger.MANUAL)

    # The named learner has a course overdue by long enough to reach their manager.
    learner = User.objects.filter(email="learner@example.com").first()
    course = CoursePage.objects.live().filter(slug="data-privacy-in-practice").first()
    if learner and course and not Enrolment.objects.filter(learner=learner, course=course).exists():
        enrol(learner=learner, course=course, source=EnrolmentSource.ASSIGNED, assigned_by=learner.manager,
              due_date=timezone.localdate() - timedelta(days=policy.escalate_after_days + 1))

    # Queue what is due now; the worker's outbox task sends it (beat runs it every 30 seconds).
    if not OutboxMessage.objects.filter(key__startswith="reminder:").exists():
        for sweep in sweeps.registry.all():
            sweep.run(enqueue=False)
    if stdout:
        stdout.write(
            f"  automation: {EnrolmentRule.objects.count()} rules, {OutboxMessage.objects.count()} messages in the outbox "
            "(sent by the worker within a minute; see /automation/outbox/)"
        )

"""Factories for governance tests: needs, goals, initiatives, committees, KPIs and learning events."""

import itertools
from datetime import date, timedelta

from django.utils import timezone

from governance.models import (
    ActionItem,
    BusinessGoal,
    Committee,
    Decision,
    Initiative,
    KPIDefinition,
    KPIValue,
    Meeting,
    Pillar,
)
from governance.services.maturity import record_assessment
from governance.services.needs import post_need, vote
from governance.services.rollups import refresh_rollups
from guild.events.models import LearningEvent
from guild.skills.models import JobRole, PersonSkill, RoleSkillRequirement, Skill, SkillCategory

__all__ = ["make_goal", "make_need", "make_initiative", "make_committee", "make_meeting", "make_kpi", "make_events",
           "governance_world"]

_counter = itertools.count(1)


def make_goal(title=None, weight=3, **fields):
    return BusinessGoal.objects.create(title=title or f"Goal {next(_counter)}", weight=weight, **fields)


def make_need(author, title=None, **fields):
    fields.setdefault("why", "Because the team keeps getting stuck.")
    result = post_need(author=author, title=title or f"Topic{next(_counter)} essentials{next(_counter)}", **fields)
    assert result.created, f"{title!r} was taken as a duplicate of {result.need.title!r}"
    return result.need


def make_initiative(title=None, **fields):
    today = timezone.localdate()
    fields.setdefault("pillar", Pillar.PERFORMANCE)
    fields.setdefault("starts_on", today.replace(day=1))
    fields.setdefault("ends_on", today.replace(day=1) + timedelta(days=120))
    fields.setdefault("budget_planned", 10000)
    fields.setdefault("budget_spent", 2500)
    return Initiative.objects.create(title=title or f"Initiative {next(_counter)}", **fields)


def make_committee(kind="executive", name=None, members=(), **fields):
    committee = Committee.objects.create(kind=kind, name=name or f"Committee {next(_counter)}", **fields)
    committee.members.set(members)
    return committee


def make_meeting(committee, held_on=None, agenda="Roadmap review"):
    return Meeting.objects.create(committee=committee, held_on=held_on or timezone.localdate(), agenda=agenda)


def make_kpi(slug="sales-cycle-days", tier="business", **fields):
    fields.setdefault("name", slug.replace("-", " ").capitalize())
    return KPIDefinition.objects.get_or_create(slug=slug, defaults={"tier": tier, **fields})[0]


def make_events(people, n, *, course_id=None, verbs=("experienced", "completed", "asked", "commented"), days=20,
                ago=timedelta(0)):
    """n learning events spread over `days` days (ending `ago` before now) and the given people,
    written in bulk (the log is append-only)."""

    now = timezone.now() - ago
    events = [
        LearningEvent(
            actor=people[i % len(people)], verb=verbs[i % len(verbs)], object_type="course", object_id=str(course_id or 0),
            course_id=course_id, team_id=people[i % len(people)].team_id, timestamp=now - timedelta(days=i % days),
        )
        for i in range(n)
    ]
    LearningEvent.objects.bulk_create(events, batch_size=1000)


def governance_world(*, admin, people, size=1):
    """A small organisation's governance data, `size` times over: needs with votes, goals, initiatives,
    committees with meetings, decisions and actions, KPI values, two maturity assessments, folded events."""

    category, _ = SkillCategory.objects.get_or_create(slug="world", defaults={"name": "World"})
    role, _ = JobRole.objects.get_or_create(slug="world-analyst", defaults={"name": "World analyst"})
    kpi = make_kpi()
    for n in range(size):
        k = next(_counter)
        skill = Skill.objects.create(name=f"Skill {k}", slug=f"skill-{k}", category=category)
        RoleSkillRequirement.objects.create(job_role=role, skill=skill, level=3)
        goal = make_goal(weight=1 + n % 5)
        need = make_need(people[n % len(people)], title=f"Subject{k} mastery{k}", goal=goal, skill=skill)
        for p in people:
            vote(need=need, voter=p)
        initiative = make_initiative(goal=goal)
        initiative.needs.add(need)
        committee = make_committee(members=[admin])
        meeting = make_meeting(committee)
        Decision.objects.create(meeting=meeting, text=f"Fund initiative {k}", initiative=initiative)
        ActionItem.objects.create(meeting=meeting, title=f"Follow up {k}", owner=admin,
                                  due_on=timezone.localdate() - timedelta(days=3))
        for p in people:
            p.job_role = role
            p.save(update_fields=["job_role"])
            PersonSkill.objects.get_or_create(person=p, skill=skill, defaults={"level": 2 + (p.pk + n) % 3})
        for m in range(3):
            KPIValue.objects.get_or_create(kpi=kpi, team=people[0].team, date=date(2026, 1 + m, 1 + n % 28),
                                           defaults={"value": 40 - m})
        make_events(people, 40)
    levels = dict.fromkeys(("content", "executive", "sme", "learners", "needs", "tools", "metrics"), (2, ""))
    record_assessment(by=admin, ratings=levels, assessed_on=date(2025, 6, 1))
    record_assessment(by=admin, ratings={**levels, "needs": (3, "")})
    refresh_rollups()

"""Reads for the skills pages: the requirements grid, a person's levels, the levels awaiting validation."""

from django.db.models import QuerySet

from guild.people.roles import Role
from guild.people.selectors import direct_reports
from guild.skills.models import JobRole, PersonSkill, RoleSkillRequirement, Skill

from .requirements import current_levels


def requirement_grid():
    """(job roles, [(skill, [(job role, level or None), ...]), ...]) for the grid. Three queries."""
    roles = list(JobRole.objects.order_by("name"))
    skills = list(Skill.objects.select_related("category").order_by("category__name", "name"))
    levels = current_levels()
    rows = [(skill, [(role, levels.get((role.pk, skill.pk))) for role in roles]) for skill in skills]
    return roles, rows


def levels_of(*, person) -> QuerySet[PersonSkill]:
    """The person's held levels with their skill and validator. One query."""
    return PersonSkill.objects.filter(person=person).select_related("skill", "validated_by").order_by("skill__name")


def required_levels(*, person) -> dict[int, int]:
    """{skill id: level} the person's job role requires."""
    if not person.job_role_id:
        return {}
    return dict(RoleSkillRequirement.objects.filter(job_role_id=person.job_role_id).values_list("skill_id", "level"))


def awaiting_validation(*, by) -> QuerySet[PersonSkill]:
    """Self-assessed and course-proposed levels not validated yet, of the people `by` reviews (L&D:
    everyone; a manager: their teams). One query."""
    qs = PersonSkill.objects.filter(
        validated_at__isnull=True, source__in=[PersonSkill.Source.SELF, PersonSkill.Source.COURSE],
        person__is_active=True,
    ).exclude(person=by)
    if not by.has_role(Role.LD_ADMIN):
        qs = qs.filter(person__in=direct_reports(manager=by))
    return qs.select_related("person", "skill").order_by("person__first_name", "person__last_name", "skill__name")


def skills_for_assessment() -> QuerySet[Skill]:
    return Skill.objects.order_by("name")



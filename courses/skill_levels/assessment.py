"""People's held levels: self-assessment, the manager's validation or adjustment, and the level a
completed course proposes. Each held level keeps its source, what set it, and when."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from guild.notifications.services import notify
from guild.people.roles import Role
from guild.people.selectors import direct_reports
from guild.skills.models import PersonSkill, SkillLevel

KIND_REVIEWED = "skill_level_reviewed"
KIND_TO_VALIDATE = "skill_level_to_validate"


def _level_name(level) -> str:
    return str(SkillLevel(level).label)


def _set(*, person, skill, level, source, detail="", validated_by=None, validated=False) -> PersonSkill:
    now = timezone.now()
    held, _created = PersonSkill.objects.update_or_create(person=person, skill=skill, defaults={
        "level": level, "source": source, "source_detail": detail[:255],
        "validated_by": validated_by, "validated_at": now if validated else None,
    })
    return held


@transaction.atomic
def record_own_level(*, person, skill, level) -> PersonSkill:
    """The person's own assessment. It counts at once and waits for their manager, who is told."""
    if level not in SkillLevel.values:
        raise ValueError(level)
    held = _set(person=person, skill=skill, level=level, source=PersonSkill.Source.SELF)
    manager = person.manager
    if manager is not None:
        notify(recipient=manager, kind=KIND_TO_VALIDATE,
               title=lambda: _("%(person)s assessed themself in %(skill)s: %(level)s") % {
                   "person": person.display_name, "skill": skill.name, "level": _level_name(level)},
               body=lambda: _("Validate the level or adjust it."), url=reverse("skills:to_validate"),
               dedupe_key=f"skill-self:{held.pk}:{level}:{held.assessed_at.isoformat()}")
    return held


def can_review(*, by, person) -> bool:
    """L&D admins review anyone's level; a manager their teams' people (never their own)."""
    if by.pk == person.pk:
        return False
    if by.has_role(Role.LD_ADMIN):
        return True
    return by.has_role(Role.MANAGER) and direct_reports(manager=by).filter(pk=person.pk).exists()


@transaction.atomic
def review_level(*, by, held: PersonSkill, level: int | None = None) -> PersonSkill:
    """Validate `held` as it is (level None or unchanged) or adjust it to `level` (its source becomes
    "manager"). The person is told either way."""
    if not can_review(by=by, person=held.person):
        raise PermissionDenied("Only the person's manager or an L&D admin reviews their levels.")
    now = timezone.now()
    adjusted = level is not None and level != held.level
    if level is not None and level not in SkillLevel.values:
        raise ValueError(level)
    if adjusted:
        held.level, held.source, held.source_detail = level, PersonSkill.Source.MANAGER, ""
        held.validated_by, held.validated_at = by, now
        held.save()  # assessed_at moves: the level is new
    else:
        # update_fields: the level's own date (assessed_at, auto_now) stays the day it was set.
        held.validated_by, held.validated_at = by, now
        PersonSkill.objects.filter(pk=held.pk).update(validated_by=by, validated_at=now)

    def title():  # rendered by notify() in the person's language
        values = {"skill": held.skill.name, "level": _level_name(held.level), "by": by.display_name}
        return (_("%(by)s set your level in %(skill)s to %(level)s") if adjusted
                else _("%(by)s validated your level in %(skill)s: %(level)s")) % values

    notify(recipient=held.person, kind=KIND_REVIEWED, title=title, url=reverse("skills:mine"),
           dedupe_key=f"skill-review:{held.pk}:{now.isoformat()}")
    return held


@transaction.atomic
def propose_from_course(*, person, skills, level, course_title, validated=False) -> list[PersonSkill]:
    """The level a completed course teaches, in each of its skills. Never lowers a level the person
    holds; waits for the manager's validation unless `validated` (the course proves the level)."""
    if level not in SkillLevel.values:
        return []
    held = {ps.skill_id: ps for ps in PersonSkill.objects.filter(person=person, skill__in=skills)}
    out = []
    for skill in skills:
        current = held.get(skill.pk)
        if current is not None and current.level >= level:
            continue
        out.append(_set(person=person, skill=skill, level=level, source=PersonSkill.Source.COURSE,
                        detail=course_title, validated=validated))
    if out and not validated and (manager := person.manager) is not None:
        notify(recipient=manager, kind=KIND_TO_VALIDATE,
               title=lambda: _("%(person)s completed %(course)s: validate the level it teaches") % {
                   "person": person.display_name, "course": course_title},
               url=reverse("skills:to_validate"), dedupe_key=f"skill-course:{person.pk}:{course_title}:{level}")
    return out

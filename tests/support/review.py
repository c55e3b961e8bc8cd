"""Factories for peer review: experts with skills, courses submitted to the review workflow."""

from governance.review.selectors import current_round
from guild.people.roles import Role
from guild.skills.models import PersonSkill
from sme.models import CourseTemplate, TemplateChecklistItem, TemplateLesson
from tests.support.courses import make_skill
from tests.support.people import make_user

__all__ = ["make_reviewer", "submit_for_review", "current_round", "make_template"]


def make_reviewer(*skills, email=None, level=4, roles=(Role.EXPERT, Role.REVIEWER)):
    """An expert-reviewer who holds `skills` (names) at `level`."""
    user = make_user(*roles, email=email)
    for name in skills:
        PersonSkill.objects.update_or_create(
            person=user, skill=make_skill(name), defaults={"level": level, "source": PersonSkill.Source.EXPERT}
        )
    return user


def submit_for_review(course, user):
    """What "Submit to Course review" does in the Wagtail editor."""
    course.refresh_from_db()
    workflow = course.get_workflow()
    assert workflow is not None, "the catalogue has no review workflow"
    return workflow.start(course, user)


def make_template(slug="skill-course", lessons=("Why it matters", "How to do it"), checklist=("Accurate", "Clear")):
    template, created = CourseTemplate.objects.get_or_create(
        slug=slug, defaults={"name": slug.replace("-", " ").title(), "description": "A course that teaches one skill."}
    )
    if created:
        for i, title in enumerate(lessons):
            TemplateLesson.objects.create(template=template, title=title, guidance=f"Guidance for {title}", sort_order=i)
        for i, text in enumerate(checklist):
            TemplateChecklistItem.objects.create(template=template, text=text, sort_order=i)
    return template

"""Demo experts: profiles and confirmed skills for the seeded experts and reviewers, course
templates (from courses.demo_content when it has them), a pending nomination, and a first
discussion in the authors' community. Idempotent."""

import importlib

from django.db import transaction

from courses.models import DiscussionThread
from guild import demo
from guild.people.models import User
from guild.people.roles import Role
from guild.skills.models import PersonSkill, Skill

from .academy import enrol_new_experts, ensure_academy
from .community import COMMUNITY_SPACE
from .models import (
    CourseTemplate,
    ExpertProfile,
    Nomination,
    TemplateChecklistItem,
    TemplateLesson,
)
from .services import nominate, reply, start_thread

FALLBACK_TEMPLATES = [
    {
        "slug": "skill-course", "name": "Skill course",
        "description": "For teaching one practical skill people use every week.",
        "lessons": [
            {"title": "Why it matters", "guidance": "The job outcome this skill improves, and for whom."},
            {"title": "Core ideas", "guidance": "Two to four ideas, each with a short example."},
            {"title": "Practice", "guidance": "Questions that test decisions, each answer with feedback."},
        ],
        "checklist": ["The objectives are clear.", "Every fact is correct and current.", "Each quiz answer has feedback."],
    },
    {
        "slug": "compliance-course", "name": "Compliance course",
        "description": "For a rule everyone must know and follow, with a certificate that expires.",
        "lessons": [
            {"title": "The rule in one page", "guidance": "What the rule says, in plain words, and who it applies to."},
            {"title": "What to do when…", "guidance": "Three realistic situations and the right action."},
            {"title": "Check your understanding", "guidance": "A quiz with a pass mark."},
        ],
        "checklist": ["Legal or policy owner agreed the content.", "The pass mark and validity are set.",
                      "No confidential example is shown."],
    },
]

BIOS = {
    "expert@example.com": ("I build the dashboards finance and sales run on. Ask me about SQL, charts that get read, "
                           "and how to check your numbers before a meeting.", True, True, True),
    "reviewer@example.com": ("Staff engineer. I review code all day and courses on Fridays: security, code review, "
                             "and SQL that won't fall over.", False, True, True),
}


def _templates_data():
    try:
        content = importlib.import_module("courses.demo_content")
    except ImportError:
        return FALLBACK_TEMPLATES
    return getattr(content, "TEMPLATES", None) or FALLBACK_TEMPLATES


def load_templates(data):
    for t in data:
        template, created = CourseTemplate.objects.get_or_create(
            slug=t["slug"], defaults={"name": t["name"], "description": t.get("description", "")}
        )
        if not created:
            continue
        for i, lesson in enumerate(t.get("lessons", [])):
            TemplateLesson.objects.create(
                template=template, title=lesson["title"], guidance=lesson.get("guidance", ""), sort_order=i,
                **{f"with_{m}": True for m in lesson.get("media", ())},
            )
        for i, text in enumerate(t.get("checklist", [])):
            TemplateChecklistItem.objects.create(template=template, text=text, sort_order=i)


@transaction.atomic
@demo.step(order=30)
def seed(stdout=None):
    load_templates(_templates_data())
    experts = User.objects.filter(groups__name__in=[Role.EXPERT, Role.REVIEWER], is_active=True).distinct()
    for person in experts:
        bio, author, review, mentor = BIOS.get(person.email, ("", True, True, False))
        ExpertProfile.objects.get_or_create(
            user=person, defaults={"bio": bio, "open_to_author": author, "open_to_review": review, "open_to_mentor": mentor}
        )
        # Their strongest assessed skills become confirmed expert skills.
        strongest = PersonSkill.objects.filter(person=person, level__gte=3).order_by("-level", "skill__name")[:3]
        for person_skill in strongest:
            if person_skill.source != PersonSkill.Source.EXPERT:
                person_skill.source = PersonSkill.Source.EXPERT
                person_skill.level = max(person_skill.level, 4)
                person_skill.save(update_fields=["source", "level"])
    # Two more experts who know SQL, so that data courses find enough reviewers.
    sql = Skill.objects.filter(name__in=["SQL", "Data visualisation"])
    others = experts.exclude(email__in=BIOS).order_by("id")[:2]
    for person in others:
        for skill in sql:
            PersonSkill.objects.update_or_create(
                person=person, skill=skill, defaults={"level": 4, "source": PersonSkill.Source.EXPERT}
            )
    learner = User.objects.filter(email="learner@example.com").first()
    manager = User.objects.filter(email="manager@example.com").first()
    skill = Skill.objects.filter(name="Data visualisation").first()
    if learner and manager and skill and not Nomination.objects.filter(nominee=learner).exists():
        nominate(nominee=learner, nominated_by=manager, skill=skill,
                 reason="Liam rebuilt our weekly KPI dashboard and now half the team asks him how.")
    _seed_community()
    # The academy path (courses.demo made it from PATHS) takes the experts seeded before it existed.
    ensure_academy()
    enrol_new_experts(set(User.objects.filter(groups__name=Role.EXPERT, is_active=True).values_list("pk", flat=True)))
    if stdout:
        stdout.write(f"  sme: {ExpertProfile.objects.count()} expert profiles, {CourseTemplate.objects.count()} course templates")


def _seed_community():
    expert = User.objects.filter(email="expert@example.com").first()
    reviewer = User.objects.filter(email="reviewer@example.com").first()
    if not expert or not reviewer or DiscussionThread.objects.filter(space=COMMUNITY_SPACE).exists():
        return
    thread = start_thread(
        author=expert, title="How long should a lesson be?",
        body="My first draft has 2,000-word lessons. Reviewers: what length do learners actually finish?",
    )
    reply(thread=thread, author=reviewer,
          body="Aim for five to ten minutes each, one idea per lesson, and end with something to try.")

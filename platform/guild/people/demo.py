"""The demo organisation: teams, people, skills and job roles. Idempotent."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from guild import demo
from guild.skills.models import JobRole, PersonSkill, RoleSkillRequirement, Skill, SkillCategory

from .models import Team, User
from .roles import Role
from .services import grant_role

SKILLS = {
    "Data": ["SQL", "Data visualisation", "Statistics", "Python for analysis", "Data privacy"],
    "Engineering": ["Code review", "Testing", "Cloud infrastructure", "Incident response", "API design"],
    "Security": ["Security awareness", "Phishing defence", "Access management", "Secure coding", "Risk assessment"],
    "Leadership": ["Running 1:1s", "Giving feedback", "Coaching", "Hiring interviews", "Delegation"],
    "Customer": ["Customer discovery", "Negotiation", "Product demos", "Handling objections", "Account planning"],
    "Ways of working": ["Writing clearly", "Facilitation", "Presenting", "Project planning", "Onboarding essentials"],
}

JOB_ROLES = {
    "Data analyst": {"SQL": 3, "Data visualisation": 3, "Statistics": 2, "Data privacy": 2},
    "Software engineer": {"Code review": 3, "Testing": 3, "Secure coding": 2, "API design": 2},
    "Account executive": {"Negotiation": 3, "Product demos": 3, "Customer discovery": 2, "Handling objections": 2},
    "Customer success manager": {"Account planning": 3, "Customer discovery": 2, "Presenting": 2},
    "People manager": {"Running 1:1s": 3, "Giving feedback": 3, "Coaching": 2, "Hiring interviews": 2},
    "Learning partner": {"Facilitation": 3, "Writing clearly": 3, "Project planning": 2},
}

# slug, name, parent slug
TEAMS = [
    ("acme", "Acme Ltd", None),
    ("engineering", "Engineering", "acme"),
    ("data", "Data & Analytics", "engineering"),
    ("sales", "Sales", "acme"),
    ("customer-success", "Customer Success", "sales"),
    ("people-learning", "People & Learning", "acme"),
]

# The named sign-ins (email, first, last, team, job role, job title, roles)
NAMED = [
    # The executive reads every figure and makes organisation-wide rules through the Executive role,
    # not as the manager of the top team.
    ("exec@example.com", "Elena", "Marsh", "acme", None, "Chief Operating Officer", [Role.EXECUTIVE]),
    ("admin@example.com", "Priya", "Natarajan", "people-learning", "Learning partner", "Head of L&D", [Role.LD_ADMIN, Role.MANAGER]),
    ("manager@example.com", "Marcus", "Okafor", "data", "People manager", "Analytics Manager", [Role.MANAGER]),
    ("expert@example.com", "Sofia", "Lindqvist", "data", "Data analyst", "Senior Data Analyst", [Role.EXPERT]),
    ("reviewer@example.com", "Tomás", "Ferreira", "engineering", "Software engineer", "Staff Engineer", [Role.EXPERT, Role.REVIEWER]),
    ("learner@example.com", "Liam", "Brennan", "data", "Data analyst", "Junior Data Analyst", []),
    # The French-speaking colleague: Guild shows her everything in French (User.language).
    ("camille@example.com", "Camille", "Martin", "people-learning", "Learning partner", "Chargée de formation", [Role.EXPERT]),
]
LANGUAGE_OF = {"camille@example.com": "fr"}

FIRST = ["Amara", "Ben", "Chloé", "Dev", "Ewa", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Luca", "Maya",
         "Nikolai", "Olu", "Paula", "Quinn", "Rosa", "Sami", "Tara", "Uma", "Victor", "Wen", "Yusuf", "Zoë",
         "Aditi", "Bruno", "Camille", "Diego", "Erin", "Femi", "Gita", "Hugo", "Iris"]
LAST = ["Adeyemi", "Bauer", "Costa", "Dubois", "Evans", "Fischer", "García", "Hansen", "Ito", "Jensen", "Kowalski",
        "Larsen", "Moreau", "Nakamura", "O'Neill", "Petrov", "Quinn", "Rossi", "Silva", "Tanaka", "Urban", "Varga",
        "Weber", "Xu", "Yilmaz", "Zimmer", "Ahmed", "Berg", "Chen", "Diallo", "Eriksen", "Fontaine", "Gomez", "Haddad"]
TEAM_OF_EXTRA = ["engineering", "data", "sales", "customer-success", "people-learning", "engineering", "sales"]
ROLE_OF_TEAM = {
    "engineering": "Software engineer", "data": "Data analyst", "sales": "Account executive",
    "customer-success": "Customer success manager", "people-learning": "Learning partner", "acme": None,
}
# None: the team gets no manager (the top team: the executive leads it through the Executive role).
TEAM_MANAGERS = {"acme": None, "data": "manager@example.com", "people-learning": "admin@example.com"}


def _person(email, first, last, team, job_role, title, password_hash):
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "first_name": first, "last_name": last, "team": team, "job_role": job_role, "job_title": title,
            "password": password_hash, "language": LANGUAGE_OF.get(email, ""),
        },
    )
    if created:
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


@transaction.atomic
@demo.step(order=10)
def seed(stdout=None):
    # Hash once: the hasher is deliberately slow, and every demo person shares the password.
    password = make_password(settings.GUILD_DEMO_PASSWORD)
    categories = {}
    skills = {}
    for category, names in SKILLS.items():
        categories[category], _ = SkillCategory.objects.get_or_create(slug=slugify(category), defaults={"name": category})
        for name in names:
            skills[name], _ = Skill.objects.get_or_create(
                slug=slugify(name), defaults={"name": name, "category": categories[category]}
            )
    job_roles = {}
    for name, requirements in JOB_ROLES.items():
        job_roles[name], _ = JobRole.objects.get_or_create(slug=slugify(name), defaults={"name": name})
        for skill, level in requirements.items():
            RoleSkillRequirement.objects.get_or_create(job_role=job_roles[name], skill=skills[skill], defaults={"level": level})

    teams = {}
    for slug, name, parent in TEAMS:
        team = Team.objects.filter(slug=slug).first()
        if team is None:
            team = Team.add_root(slug=slug, name=name) if parent is None else teams[parent].add_child(slug=slug, name=name)
        teams[slug] = team

    people = []
    for email, first, last, team, job_role, title, roles in NAMED:
        user = _person(email, first, last, teams[team], job_roles.get(job_role), title, password)
        for role in [Role.LEARNER, *roles]:
            grant_role(user=user, role=role)
        people.append(user)

    for i in range(34):
        team_slug = TEAM_OF_EXTRA[i % len(TEAM_OF_EXTRA)]
        first, last = FIRST[i], LAST[(i * 7) % len(LAST)]
        email = f"{slugify(first)}.{slugify(last)}@example.com"
        role = ROLE_OF_TEAM[team_slug]
        user = _person(email, first, last, teams[team_slug], job_roles.get(role), role or "", password)
        grant_role(user=user, role=Role.LEARNER)
        if i % 6 == 0:
            grant_role(user=user, role=Role.EXPERT)
        if i % 9 == 0:
            grant_role(user=user, role=Role.REVIEWER)
        people.append(user)

    # Hire dates as HR would send them: most people hired years ago, a few in the last quarter (the
    # new hires of the onboarding rules). Only where none is set, so a second run changes nothing.
    today = timezone.localdate()
    for n, person in enumerate(people):
        if person.hire_date is None:
            person.hire_date = today - timedelta(days=20 + 9 * (n // 8) if n % 8 == 5 else 400 + 53 * n)
            person.save(update_fields=["hire_date"])

    # A manager for every team: the named ones first, then the first member of the others.
    for slug, team in teams.items():
        if team.manager_id or (slug in TEAM_MANAGERS and TEAM_MANAGERS[slug] is None):
            continue
        email = TEAM_MANAGERS.get(slug)
        manager = User.objects.get(email=email) if email else team.members.order_by("id").first()
        if manager:
            team.manager = manager
            team.save(update_fields=["manager"])
            grant_role(user=manager, role=Role.MANAGER)

    # Assessed skill levels so that readiness is not empty: about two thirds of what each role requires.
    for n, person in enumerate(people):
        if not person.job_role_id:
            continue
        for k, req in enumerate(person.job_role.requirements.all()):
            if (n + k) % 3 == 2:
                continue
            level = max(1, min(5, req.level + ((n + k) % 3) - 1))
            PersonSkill.objects.get_or_create(person=person, skill=req.skill, defaults={"level": level})
    expert = User.objects.get(email="expert@example.com")
    for name, level in (("SQL", 5), ("Data visualisation", 4), ("Statistics", 4), ("Data privacy", 3)):
        PersonSkill.objects.update_or_create(
            person=expert, skill=skills[name], defaults={"level": level, "source": PersonSkill.Source.EXPERT}
        )
    reviewer = User.objects.get(email="reviewer@example.com")
    for name, level in (("SQL", 4), ("Code review", 5), ("Secure coding", 4), ("Security awareness", 4)):
        PersonSkill.objects.update_or_create(
            person=reviewer, skill=skills[name], defaults={"level": level, "source": PersonSkill.Source.EXPERT}
        )
    if stdout:
        stdout.write(f"  people: {User.objects.count()} people in {Team.objects.count()} teams, {Skill.objects.count()} skills")

"""Demo governance data that tells a story: a mission, goals, a roadmap, committees at work, needs with
votes, KPI series and two past maturity assessments. Idempotent: run it as often as you like.

Activity rollups and the enrolment summary are derived data: `fold_rollups`, the demo's last step,
computes them once every other step has run, and beat keeps them current."""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from courses.models import CoursePage, LearningPathPage
from governance.demo_history import seed_history
from governance.maturity import DIMENSIONS
from governance.models.committees import ActionItem, Committee, Decision, Meeting
from governance.models.kpis import KPIDefinition, KPIValue
from governance.models.maturity import MaturityAssessment
from governance.models.needs import LearningNeed, NeedStatus, NeedVolunteer
from governance.models.roadmap import BusinessGoal, Initiative, Mission, Pillar
from governance.services import needs as need_services
from governance.services.maturity import record_assessment
from governance.services.rollups import refresh_rollups
from guild import demo
from guild.people.models import Team, User
from guild.people.roles import Role
from guild.skills.models import Skill

GOALS = [
    ("Shorten the sales cycle", Pillar.PERFORMANCE, 5, "exec@example.com"),
    ("Keep first-year turnover under 10%", Pillar.TALENT, 4, "exec@example.com"),
    ("Ship data products safely", Pillar.PERFORMANCE, 4, "manager@example.com"),
    ("Free L&D time through automation", Pillar.PRODUCTIVITY, 3, "admin@example.com"),
]

# title, why, goal, team slug, skill, urgency, author, extra voters, status, note
NEEDS = [
    ("Handling pricing objections", "Deals stall at the pricing call; new account executives freeze.",
     "Shorten the sales cycle", "sales", "Handling objections", 4, "learner@example.com", 14, NeedStatus.PLANNED,
     "Sofia and two senior AEs will co-author it this quarter."),
    ("SQL window functions for reporting", "Monthly reports take two days of copy-paste in spreadsheets.",
     "Ship data products safely", "data", "SQL", 3, "learner@example.com", 9, NeedStatus.IN_PROGRESS,
     "Draft in peer review."),
    ("Running effective 1:1s for new managers", "Half our new managers never had a 1:1 themselves.",
     "Keep first-year turnover under 10%", "engineering", "Running 1:1s", 3, "manager@example.com", 11,
     NeedStatus.DONE, "Answered by the 1:1s course; tell us what is missing."),
    ("Spotting phishing on mobile", "Two incidents this year started from a phone.", "Ship data products safely",
     "engineering", "Phishing defence", 2, "reviewer@example.com", 6, NeedStatus.EXPLORING,
     "Checking whether the security awareness course already covers it."),
    ("Product demos that tell a story", "Prospects forget our demos by the next call.", "Shorten the sales cycle",
     "sales", "Product demos", 3, "expert@example.com", 8, NeedStatus.NEW, ""),
    ("Automating quarterly compliance enrolments", "L&D spends two days a quarter enrolling people by hand.",
     "Free L&D time through automation", "people-learning", None, 2, "admin@example.com", 3, NeedStatus.NEW, ""),
    ("Statistics refresher", "Analysts mix up correlation and causation in reviews.", None, "data", "Statistics",
     1, "learner@example.com", 2, NeedStatus.ALREADY_EXISTS, "The Statistics path covers this: see the catalogue."),
    ("Excel macros", "Some teams still build reports with macros.", None, "customer-success", None, 1,
     "learner@example.com", 1, NeedStatus.DECLINED, "We are moving reporting to the data platform instead."),
]

# slug, name, tier, unit, target, higher is better, definition, source ("manual" or a governance.figures key).
# The platform's own figures are bound to the figure, never typed: a typed series would contradict the tiles.
KPIS = [
    ("sales-cycle-days", "Sales cycle length", "business", "days", Decimal(35), False,
     "Days from first meeting to signed contract, median.", "manual"),
    ("first-year-turnover-pct", "First-year voluntary turnover", "business", "%", Decimal(10), False,
     "Share of new joiners who leave within a year.", "manual"),
    ("active-learner-share", "Active learners", "engagement", "%", Decimal(60), True,
     "Share of employees with learning activity in the period.", "active_learner_share_pct"),
    ("relevant-to-job-pct", "Relevant to my job", "relevance", "%", Decimal(80), True,
     "Share of course ratings saying the course was relevant to the job.", "relevant_to_job_pct"),
    ("cost-per-learning-hour", "Cost per learning hour", "spend", "€", Decimal(40), False,
     "Spend on L&D divided by hours of completed learning.", "cost_per_learning_hour"),
    ("role-skill-coverage", "Skill coverage", "readiness", "%", Decimal(75), True,
     "Share of required skill levels people hold.", "skill_coverage_pct"),
]

COMMITTEES = [
    ("governance_board", "L&D Governance Board", "quarterly", "exec@example.com", ["exec@example.com", "admin@example.com"],
     "Validates the L&D roadmap and budget against the company strategy."),
    ("executive", "Executive L&D Committee", "monthly", "exec@example.com",
     ["exec@example.com", "admin@example.com", "manager@example.com"],
     "Follows the roadmap, removes blockers and keeps it aligned with business priorities."),
    ("steering", "L&D Steering Committee", "fortnightly", "admin@example.com", ["admin@example.com", "expert@example.com"],
     "The L&D team's working meeting on roadmap progress and blockers."),
    ("learner_advisory", "Learner Advisory Committee", "quarterly", "learner@example.com",
     ["learner@example.com", "reviewer@example.com", "expert@example.com"],
     "Employees outside L&D who give feedback on learning and speak for their teams."),
]


def _people(emails):
    return {u.email: u for u in User.objects.filter(email__in=emails)}


def _month_ends(count, today):
    first = today.replace(day=1)
    out = []
    for _i in range(count):
        first = (first - timedelta(days=1)).replace(day=1)
        out.append(first + timedelta(days=27))
    return list(reversed(out))


@transaction.atomic
@demo.step(order=60)
def seed(stdout=None):
    admin = User.objects.filter(email="admin@example.com").first()
    if admin is None:
        if stdout:
            stdout.write("  governance: skipped (run guild.people.demo first)")
        return
    today = timezone.localdate()
    emails = {e for g in GOALS for e in [g[3]]} | {n[6] for n in NEEDS} | {e for c in COMMITTEES for e in c[4]} | {c[3] for c in COMMITTEES}
    people = _people(emails)
    teams = {t.slug: t for t in Team.objects.all()}
    skills = {s.name: s for s in Skill.objects.all()}
    courses = list(CoursePage.objects.live().order_by("path"))
    paths = list(LearningPathPage.objects.live().order_by("path"))

    if not Mission.objects.exists():
        Mission.objects.create(
            statement="Help every Acme employee learn from the colleagues who know the work best, so the company "
                      "wins today and is ready for tomorrow.",
            talent="Onboard and grow people through learning paths and a culture where experts teach.",
            performance="Close the skill gaps that slow our goals now, starting with sales and data.",
            productivity="Automate enrolments and reminders so L&D spends its time on strategy, not admin.",
            updated_by=admin,
        )

    goals = {}
    for title, pillar, weight, owner in GOALS:
        goals[title], _ = BusinessGoal.objects.get_or_create(
            title=title, defaults={"pillar": pillar, "weight": weight, "owner": people.get(owner)})

    kpis = {}
    for slug, name, tier, unit, target, higher, description, source in KPIS:
        kpis[slug], _ = KPIDefinition.objects.get_or_create(slug=slug, defaults={
            "name": name, "tier": tier, "unit": unit, "target": target, "higher_is_better": higher,
            "description": description, "source": source})
        if source != KPIDefinition.MANUAL and kpis[slug].source != source:  # a demo seeded before KPIs had sources
            KPIValue.objects.filter(kpi=kpis[slug]).delete()
            KPIDefinition.objects.filter(pk=kpis[slug].pk).update(source=source)
    months = _month_ends(10, today)
    series = {  # business data only: what Guild cannot compute
        ("sales-cycle-days", "sales"): [52, 51, 50, 49, 47, 46, 44, 42, 41, 39],
        ("sales-cycle-days", None): [48, 48, 47, 46, 45, 44, 43, 41, 40, 39],
        ("first-year-turnover-pct", None): [14, 14, 13.5, 13, 13, 12.4, 12, 11.5, 11, 10.6],
    }
    for (slug, team_slug), values in series.items():
        for day, value in zip(months, values, strict=True):
            KPIValue.objects.get_or_create(kpi=kpis[slug], team=teams.get(team_slug) if team_slug else None, date=day,
                                           defaults={"value": Decimal(str(value))})

    voters = list(User.objects.filter(is_active=True).order_by("id"))
    experts = list(User.objects.filter(groups__name=Role.EXPERT).order_by("id")[:3])
    needs = {}
    for title, why, goal, team, skill, urgency, author, n_votes, status, note in NEEDS:
        need = LearningNeed.objects.filter(title=title).first()
        if need is None:
            need = need_services.post_need(
                author=people.get(author, admin), title=title, why=why, goal=goals.get(goal), team=teams.get(team),
                skill=skills.get(skill) if skill else None, urgency=urgency).need
        for voter in voters[:n_votes]:
            need_services.vote(need=need, voter=voter)
        if status in (NeedStatus.PLANNED, NeedStatus.IN_PROGRESS, NeedStatus.DONE):
            for expert in experts[:2]:
                NeedVolunteer.objects.get_or_create(need=need, expert=expert)
        if status != NeedStatus.NEW and need.status != status:
            course = None
            if status == NeedStatus.DONE:
                course = next((c for c in courses if "1:1" in c.title or "one" in c.slug), courses[0] if courses else None)
                if course is None:
                    status, note = NeedStatus.IN_PROGRESS, "Course in preparation."
            need_services.triage(need=need, by=admin, status=status, note=note, course=course)
        needs[title] = need

    start = today.replace(month=1, day=1)
    initiatives = [
        ("Sales enablement academy", Pillar.PERFORMANCE, "Shorten the sales cycle", -2, 7, 60000, 27500,
         "in_progress", ["sales-cycle-days"], ["Handling pricing objections", "Product demos that tell a story"]),
        ("Manager foundations", Pillar.TALENT, "Keep first-year turnover under 10%", 0, 9, 45000, 30500, "in_progress",
         ["first-year-turnover-pct"], ["Running effective 1:1s for new managers"]),
        ("Data literacy for analysts", Pillar.PERFORMANCE, "Ship data products safely", 3, 11, 30000, 4000, "planned",
         ["role-skill-coverage"], ["SQL window functions for reporting"]),
        ("Enrolment rules and reminders", Pillar.PRODUCTIVITY, "Free L&D time through automation", 1, 5, 12000, 13100,
         "in_progress", ["cost-per-learning-hour"], ["Automating quarterly compliance enrolments"]),
        ("Global onboarding path", Pillar.TALENT, "Keep first-year turnover under 10%", -6, 2, 25000, 24000, "done",
         ["active-learner-share"], []),
    ]
    budget_teams = {"Sales enablement academy": "sales", "Data literacy for analysts": "data"}  # others: organisation
    made = {}
    for i, (title, pillar, goal, from_m, to_m, planned, spent, status, kpi_slugs, need_titles) in enumerate(initiatives):
        starts = (start + timedelta(days=31 * from_m)).replace(day=1)
        ends = (start + timedelta(days=31 * to_m)).replace(day=28)
        initiative, created = Initiative.objects.get_or_create(title=title, defaults={
            "pillar": pillar, "goal": goals[goal], "owner": admin, "budget_planned": planned, "budget_spent": spent,
            "team": teams.get(budget_teams.get(title, "")),
            "status": status, "starts_on": starts, "ends_on": ends,
            "description": f"Part of the {Pillar(pillar).label.lower()} pillar, serving “{goal}”."})
        if created:
            initiative.kpis.set([kpis[s] for s in kpi_slugs])
            initiative.needs.set([needs[t] for t in need_titles if t in needs])
            initiative.courses.set(courses[i::len(initiatives)][:3])
            initiative.paths.set(paths[i:i + 1])
        made[title] = initiative

    committees = {}
    for kind, name, cadence, chair, members, purpose in COMMITTEES:
        committee, created = Committee.objects.get_or_create(name=name, defaults={
            "kind": kind, "cadence": cadence, "chair": people.get(chair), "purpose": purpose})
        if created:
            committee.members.set([people[e] for e in members if e in people])
        committees[kind] = committee
    meetings = [
        ("governance_board", -150, "Validate the annual roadmap and budget",
         [("Approve the 2026 roadmap with sales enablement first", "Sales enablement academy")], []),
        ("executive", -60, "Roadmap progress; sales cycle figures",
         [("Extend the sales academy to customer success", "Sales enablement academy")],
         [("Share sales cycle data by team every month", "exec@example.com", -20, "open")]),
        ("executive", -25, "Manager foundations: first results",
         [("Make the 1:1s course part of every new manager's path", "Manager foundations")],
         [("Nominate two managers as co-authors", "manager@example.com", 10, "open")]),
        ("steering", -10, "Needs board triage and automation budget",
         [("Move the enrolment automation budget up by 1,100 €", "Enrolment rules and reminders")],
         [("Write the compliance enrolment rule", "admin@example.com", -3, "open"),
          ("Publish the triage notes on the needs board", "admin@example.com", -5, "done")]),
        ("learner_advisory", -40, "What learners want next", [("Open the needs board to everyone", None)],
         [("Collect feedback from the data team", "learner@example.com", 14, "open")]),
    ]
    for kind, days_ago, agenda, decisions, actions in meetings:
        meeting, created = Meeting.objects.get_or_create(
            committee=committees[kind], held_on=today + timedelta(days=days_ago), defaults={"agenda": agenda})
        if not created:
            continue
        for text, initiative in decisions:
            Decision.objects.create(meeting=meeting, text=text, initiative=made.get(initiative))
        for title, owner, due_in, status in actions:
            ActionItem.objects.create(meeting=meeting, title=title, owner=_people([owner]).get(owner, admin),
                                      due_on=today + timedelta(days=due_in), status=status,
                                      completed_at=timezone.now() if status == "done" else None)

    if not MaturityAssessment.objects.exists():
        first = {"content": 2, "executive": 1, "sme": 2, "learners": 2, "needs": 1, "tools": 2, "metrics": 1}
        second = {"content": 2, "executive": 2, "sme": 3, "learners": 2, "needs": 3, "tools": 2, "metrics": 2}
        for when, levels in ((today - timedelta(days=365), first), (today - timedelta(days=180), second)):
            record_assessment(by=admin, assessed_on=when, notes="Self-assessment with the L&D team.",
                              ratings={d.key: (levels[d.key], "") for d in DIMENSIONS})

    # A year of learning before today, so the charts show seasons and a trend. The activity charts fill in
    # from fold_rollups, which runs after every other step (they record events too).
    history_events, history_enrolments = seed_history(today=today)
    if stdout:
        stdout.write(f"  governance: {len(goals)} goals, {len(needs)} needs, {len(made)} initiatives, "
                     f"{len(committees)} committees, a year of history ({history_events} learning events, "
                     f"{history_enrolments} courses completed)")


@demo.step(order=1000)  # last: folds the events every step before it recorded
def fold_rollups(stdout=None):
    """Fold the demo's learning events and compute the enrolment summary, so the dashboards have
    figures the moment `make demo` starts. A second run folds nothing new."""
    folded = refresh_rollups()
    if stdout:
        stdout.write(f"  governance: {folded} learning events folded into the dashboard rollups")

"""Random organisations for the recount test, and the deliberately naive count of every figure.

random_organisation(rnd) draws a plain description (lists of tuples) from a random.Random: hypothesis
hands one it controls (and shrinks), the seeded fallback a random.Random(seed). build() writes it to the
database; naive() counts it again in plain Python loops, without the ORM, the rollups or SQL."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from courses.models import CourseRating, Enrolment, LessonReaction
from governance.models import Initiative, LearningNeed, NeedVolunteer
from guild.events.models import LearningEvent
from guild.people.models import Team, User
from guild.skills.models import PersonSkill

LEARNING = ("registered", "experienced", "completed", "attempted", "passed", "failed", "reacted", "rated",
            "commented", "asked", "answered", "certified")
VERBS = LEARNING + ("authored", "published", "reviewed", "thanked", "unregistered")
SOURCES = ("self", "assigned", "rule", "cohort", "path")
KINDS = ("useful", "learned", "outdated", "question")
REQUIRED = {"a": 2, "b": 3}  # the job role's required level per skill
# Teams: 0 and 1 are roots, 2 is a sub-team of 0; None: a person with no team.
TEAM_SCOPE = {None: None, 0: {0, 2}, 1: {1}, 2: {2}}


def random_organisation(rnd):
    people = [{"team": rnd.choice([None, 0, 1, 2]), "role": rnd.random() < 0.7, "active": rnd.random() < 0.85,
               "skills": {s: rnd.choice([None, 1, 2, 3, 4]) for s in REQUIRED}} for _ in range(rnd.randint(1, 8))]
    n = len(people)
    events = [(rnd.randrange(n), rnd.choice(VERBS), rnd.randint(0, 400), rnd.choice(["course", "lesson"]))
              for _ in range(rnd.randint(0, 40))]
    enrolments = []
    for p in range(n):
        for c in (0, 1):
            if rnd.random() < 0.6:
                ago = rnd.randint(0, 400)
                done = rnd.randint(0, ago) if rnd.random() < 0.5 else None
                due = rnd.choice([None, rnd.randint(-30, 30)])
                enrolments.append((p, c, rnd.choice(SOURCES), ago, done, due, rnd.random() < 0.1))
    ratings = [(p, c, rnd.randint(1, 5), rnd.choice([None, True, False]), rnd.randint(0, 400))
               for (p, c, *_rest) in enrolments if rnd.random() < 0.5]
    reactions = [(rnd.randrange(n), kind, rnd.randint(0, 400), rnd.random() < 0.5)
                 for kind in KINDS for _ in range(rnd.randint(0, 2))]
    reactions = list({(p, k): (p, k, a, ans) for p, k, a, ans in reactions if k != "question"}.values()) + [
        r for r in reactions if r[1] == "question"]
    needs = [(rnd.randrange(n), rnd.random() < 0.5, {rnd.randrange(n) for _ in range(rnd.randint(0, 3))})
             for _ in range(rnd.randint(0, 4))]
    initiatives = [(rnd.choice([None, 0, 1, 2]), rnd.randint(-500, 100), rnd.randint(1, 400),
                    rnd.randint(0, 50_000), rnd.randint(0, 50_000), rnd.random() < 0.15)
                   for _ in range(rnd.randint(0, 4))]
    return {"people": people, "events": events, "enrolments": enrolments, "ratings": ratings,
            "reactions": reactions, "needs": needs, "initiatives": initiatives}


@dataclass
class World:
    """What every organisation shares: two live courses (90 and 45 minutes; the first written by an
    internal author), a lesson, a job role that requires skills a and b, and `others` active people
    outside any team (the L&D admin, the author) who never learn; the author published the first course
    today, so they are an active author of the whole organisation."""

    courses: list
    minutes: list
    lesson: object
    role: object
    skills: dict
    admin: object
    others: int
    authors_outside: int


def _at(days_ago, hour=12):
    day = timezone.localdate() - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, time(hour)))


def build(org, world, counter):
    """Write `org` to the database; returns the teams made ({index: Team})."""
    root0 = Team.add_root(name=f"Team A{counter}", slug=f"rc-a-{counter}")
    teams = {0: root0, 1: Team.add_root(name=f"Team B{counter}", slug=f"rc-b-{counter}"),
             2: root0.add_child(name=f"Team A1{counter}", slug=f"rc-a1-{counter}")}
    people = []
    for i, spec in enumerate(org["people"]):
        person = User.objects.create(email=f"rc{counter}-{i}@example.com", team=teams.get(spec["team"]),
                                     job_role=world.role if spec["role"] else None, is_active=spec["active"])
        people.append(person)
        PersonSkill.objects.bulk_create(PersonSkill(person=person, skill=world.skills[s], level=level)
                                        for s, level in spec["skills"].items() if level)
    LearningEvent.objects.bulk_create(
        LearningEvent(actor=people[p], verb=verb, object_type=kind, object_id="1", team_id=people[p].team_id,
                      timestamp=_at(ago)) for p, verb, ago, kind in org["events"])
    today = timezone.localdate()
    Enrolment.objects.bulk_create(
        Enrolment(learner=people[p], course=world.courses[c], source=source, enrolled_at=_at(ago, 9),
                  status="withdrawn" if left else "completed" if done is not None else "active",
                  completed_at=_at(ago - done, 15) if done is not None and not left else None,
                  due_date=today + timedelta(days=due) if due is not None else None)
        for p, c, source, ago, done, due, left in org["enrolments"])
    CourseRating.objects.bulk_create(
        CourseRating(learner=people[p], course=world.courses[c], stars=stars, relevant=relevant, created_at=_at(ago))
        for p, c, stars, relevant, ago in org["ratings"])
    LessonReaction.objects.bulk_create(
        LessonReaction(learner=people[p], lesson=world.lesson, course=world.courses[0], kind=kind, created_at=_at(ago),
                       text="How?" if kind == "question" else "", answer="Like this." if answered else "")
        for p, kind, ago, answered in org["reactions"])
    for i, (author, with_skill, volunteers) in enumerate(org["needs"]):
        need = LearningNeed.objects.create(title=f"Need {counter}-{i}", why="Because.", author=people[author],
                                           skill=world.skills["a"] if with_skill else None)
        NeedVolunteer.objects.bulk_create(NeedVolunteer(need=need, expert=people[v]) for v in volunteers)
    for i, (team, offset, days, planned, spent, cancelled) in enumerate(org["initiatives"]):
        starts = today + timedelta(days=offset)
        Initiative.objects.create(title=f"Initiative {counter}-{i}", pillar="talent", team=teams.get(team),
                                  starts_on=starts, ends_on=starts + timedelta(days=days - 1),
                                  budget_planned=planned, budget_spent=spent,
                                  status="cancelled" if cancelled else "in_progress")
    return teams


def _pct(part, whole):
    return 100 * part / whole if whole else None


def naive(org, world, *, period, team, before=0):
    """Every dashboard figure of `org` for `period` days and `team` (an index, None: everyone); `before`:
    the period ends that many days before today (`period`: the previous period). Deactivated people
    count in no headcount and as no active learner, author or reviewer; their enrolments, events and
    ratings still count."""
    scope = TEAM_SCOPE[team]
    people = org["people"]
    real_today = timezone.localdate()
    today = real_today - timedelta(days=before)

    def in_scope(person_team):
        return scope is None or person_team in scope

    def recent(ago):
        return before <= ago <= before + period - 1

    events = [(p, verb, kind) for p, verb, ago, kind in org["events"] if recent(ago) and in_scope(people[p]["team"])]

    def actors(verbs):
        return len({p for p, verb, _kind in events if verb in verbs and people[p]["active"]})

    count = {verb: sum(1 for _p, v, _k in events if v == verb) for verb in VERBS}
    course_done = sum(1 for _p, verb, kind in events if verb == "completed" and kind == "course")
    learners = actors(LEARNING)
    headcount = sum(1 for p in people if in_scope(p["team"]) and p["active"]) + (world.others if scope is None else 0)

    enrolled = [e for e in org["enrolments"] if recent(e[3]) and in_scope(people[e[0]]["team"])]
    done = [e for e in enrolled if e[4] is not None and not e[6]]
    voluntary = [e for e in enrolled if e[2] == "self"]
    minutes = sum(world.minutes[e[1]] for e in done)
    hours = minutes / 60
    overdue = [e for e in enrolled if e[4] is None and not e[6] and e[5] is not None and e[5] < 0]
    # Completion: from 09:00 on the day of enrolment to 15:00 `done` days later.
    days_to_complete = [e[4] + 0.25 for e in done]

    start = today - timedelta(days=period - 1)
    planned = spent = 0.0
    for team_index, offset, days, plan, spend, cancelled in org["initiatives"]:
        if cancelled or (scope is not None and team_index not in scope):
            continue
        for d in range(period):  # day by day: the share of each day of the period the initiative covers
            if 0 <= (start + timedelta(days=d) - (real_today + timedelta(days=offset))).days < days:
                planned += plan / days
                spent += spend / days

    ratings = [r for r in org["ratings"] if recent(r[4]) and in_scope(people[r[0]]["team"])]
    answered_relevance = [r for r in ratings if r[3] is not None]
    reactions = [r for r in org["reactions"] if recent(r[2]) and in_scope(people[r[0]]["team"])]

    required = met = 0
    for p in people:
        if p["role"] and in_scope(p["team"]) and p["active"]:
            for skill, level in REQUIRED.items():
                required += 1
                met += bool(p["skills"][skill] and p["skills"][skill] >= level)

    asked, answers = count["asked"], count["answered"]
    return {
        "budget_planned": planned, "budget_spent": spent, "budget_used_pct": _pct(spent, planned),
        "learning_hours": hours, "cost_per_learning_hour": spent / hours if hours else None,
        "active_learners": learners, "people": headcount, "active_learner_share_pct": _pct(learners, headcount),
        "enrolments": len(enrolled), "voluntary_enrolments": len(voluntary),
        "assigned_enrolments": len(enrolled) - len(voluntary),
        "rule_enrolments": sum(1 for e in enrolled if e[2] == "rule"), "completions": course_done,
        "completion_rate_pct": _pct(len(done), len(enrolled)),
        "voluntary_completion_rate_pct": _pct(sum(1 for e in done if e[2] == "self"), len(voluntary)),
        "assigned_completion_rate_pct": _pct(sum(1 for e in done if e[2] != "self"), len(enrolled) - len(voluntary)),
        "days_to_complete": sum(days_to_complete) / len(done) if done else None, "overdue": len(overdue),
        "average_rating": sum(r[2] for r in ratings) / len(ratings) if ratings else None, "ratings": len(ratings),
        "relevant_to_job_pct": _pct(sum(1 for r in answered_relevance if r[3]), len(answered_relevance)),
        **{f"reactions_{kind}": sum(1 for r in reactions if r[1] == kind) for kind in KINDS},
        "skill_coverage_pct": _pct(met, required),
        "live_courses": 2, "internally_authored_pct": 50, "authors_of_live_courses": 1,
        # The world's author published a course today: active in the current period only.
        "active_authors": actors({"authored", "published"}) + (world.authors_outside if scope is None and not before else 0),
        "active_reviewers": actors({"reviewed"}),
        "reviews_done": 0, "review_lead_time_days": None, "review_sla_breaches": 0,
        "questions": asked, "comments": count["commented"], "answers": answers,
        "questions_per_learner": asked / learners if learners else None,
        "comments_per_learner": count["commented"] / learners if learners else None,
        "answer_rate_pct": _pct(min(answers, asked), asked),
        "lesson_questions_answered": sum(1 for r in reactions if r[1] == "question" and r[3]),
    }


def naive_evidence(org, world):
    """The maturity evidence's figures that count people, needs and enrolments."""
    people = [p for p in org["people"] if p["active"]]
    total = len(people) + world.others
    active = len({p for p, verb, ago, _kind in org["events"] if verb in LEARNING and ago <= 29
                  and org["people"][p]["active"]})
    needs = org["needs"]
    year = [e for e in org["enrolments"] if e[3] <= 365]

    def pct(part, whole):
        return f"{round(100 * part / whole)}%" if whole else "no data yet"

    return {
        ("learners", "Active learners in the last 30 days"): f"{active} / {total}",
        ("learners", "Voluntary enrolments, last 12 months"): pct(sum(1 for e in year if e[2] == "self"), len(year)),
        ("tools", "Enrolments made by rules, last 12 months"): pct(sum(1 for e in year if e[2] == "rule"), len(year)),
        ("tools", "Enrolments through cohorts, last 12 months"): pct(sum(1 for e in year if e[2] == "cohort"), len(year)),
        ("needs", "Learning needs posted"): len(needs),
        ("needs", "People who posted a need"): len({author for author, _s, _v in needs}),
        ("needs", "Needs linked to a skill"): pct(sum(1 for _a, skill, _v in needs if skill), len(needs)),
        ("sme", "Learning needs with an expert volunteer"): pct(sum(1 for _a, _s, v in needs if v), len(needs)),
        ("metrics", "People with assessed skill levels"):
            pct(sum(1 for p in people if any(p["skills"].values())), total),
    }


def agree(actual, expected):
    """The shown figure is the naive one, rounded as the page rounds (money to cents, the rest to 0.1)."""
    if expected is None or actual is None or actual == "":
        return (expected is None) == (actual is None or actual == "")
    tolerance = 0.051 if isinstance(expected, float) or isinstance(actual, (float, Decimal)) else 0
    return abs(float(actual) - float(expected)) <= max(tolerance, abs(float(expected)) * 1e-4)

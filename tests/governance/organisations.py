"""Random organisations for the recount test, and the deliberately naive count of every figure.

random_organisation(rnd) draws a plain description (lists of tuples) from a random.Random: hypothesis
hands one it controls (and shrinks), the seeded fallback a random.Random(seed). build() writes it to the
database; naive() and naive_evidence() count it again in plain Python loops, without the ORM, the
rollups or SQL."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone
from wagtail.models import TaskState, WorkflowState

from courses.models import CourseAuthor, CoursePage, CourseRating, Enrolment, LessonReaction
from governance.models import (
    BusinessGoal,
    Committee,
    Decision,
    Initiative,
    KPIDefinition,
    KPIValue,
    LearningNeed,
    Meeting,
    NeedVolunteer,
)
from governance.review.events import record_review
from governance.review.models import ReviewAssignment
from guild.events.models import LearningEvent, Verb
from guild.events.services import record_event
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
# A reviewer's decision; a round that is over has none pending.
DECIDED = ("approved", "changes", "closed", "reassigned")
NEED_STATUSES = ("new", "exploring", "planned", "in_progress", "done", "already_exists", "declined")
COMMITTEES = ("governance_board", "executive", "steering", "learner_advisory")
LEADERSHIP = ("governance_board", "executive")
TIERS = {"spend": "Spend", "engagement": "Engagement", "relevance": "Relevance", "business": "Business impact",
         "readiness": "Readiness"}  # in the order the evidence lists them
HOURS = 24


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
    # (author, with a skill, volunteers, with a business goal, status)
    needs = [(rnd.randrange(n), rnd.random() < 0.5, {rnd.randrange(n) for _ in range(rnd.randint(0, 3))},
              rnd.random() < 0.5, rnd.choice(NEED_STATUSES)) for _ in range(rnd.randint(0, 4))]
    # (team, starts in days, days, planned, spent, cancelled, with a business goal, courses (2: the draft))
    initiatives = [(rnd.choice([None, 0, 1, 2]), rnd.randint(-500, 100), rnd.randint(1, 400),
                    rnd.randint(0, 50_000), rnd.randint(0, 50_000), rnd.random() < 0.15, rnd.random() < 0.5,
                    {c for c in (0, 1, 2) if rnd.random() < 0.3})
                   for _ in range(rnd.randint(0, 4))]
    co_authors = {p for p in range(n) if rnd.random() < 0.15}  # of the second course
    reviews = [r for r in (_submission(rnd, c, n, co_authors if c == 1 else set()) for c in (0, 1, 2)
                           if rnd.random() < 0.6) if r]
    # (committee kind, held days ago (negative: scheduled), decisions recorded)
    meetings = [(rnd.choice(COMMITTEES), rnd.randint(-60, 420), rnd.randint(0, 2)) for _ in range(rnd.randint(0, 4))]
    kpis = [(rnd.choice(list(TIERS)), rnd.random() < 0.6) for _ in range(rnd.randint(0, 3))]  # (tier, has values)
    return {"people": people, "events": events, "enrolments": enrolments, "ratings": ratings,
            "reactions": reactions, "needs": needs, "initiatives": initiatives, "co_authors": co_authors,
            "tagged": {c for c in (0, 1, 2) if rnd.random() < 0.5}, "reviews": reviews, "meetings": meetings,
            "kpis": kpis}


def _submission(rnd, course, n, authors):
    """A course submitted for review, round after round: (course, [round, ...]); each round a list of
    (reviewer, decision, assigned, completed or None), times in hours before World.now. A round
    starts once the one before it is over; only the last one may still wait for decisions. Authors
    never review their course. None when nobody may review it."""
    eligible = [p for p in range(n) if p not in authors]
    if not eligible:
        return None
    rounds, start, count = [], rnd.randint(0, 420 * HOURS), rnd.randint(1, 3)
    for number in range(count):
        last = number == count - 1
        assignments = []
        for p in rnd.sample(eligible, rnd.randint(1, min(3, len(eligible)))):
            # Most are assigned as the round starts; some later (added or reassigned by L&D).
            assigned = max(0, start - rnd.randint(1, 72)) if rnd.random() < 0.2 else start
            decision = rnd.choice(DECIDED + ("pending", "pending")) if last else rnd.choice(DECIDED)
            # Up to 15 days to decide: the SLA is 5, so some are late.
            completed = None if decision == "pending" else max(0, assigned - rnd.randint(0, 15 * HOURS))
            assignments.append((p, decision, assigned, completed))
        rounds.append(assignments)
        start = rnd.randint(0, min(a[3] for a in assignments if a[3] is not None)) if not last else start
    return course, rounds


@dataclass
class World:
    """What every organisation shares: two live courses (90 and 45 minutes; the first written by an
    internal author) and a draft by the same author, a lesson, a job role that requires skills a and b,
    and `others` active people outside any team (the L&D admin, the author) who never learn; the author
    published the first course today, so they are an active author of the whole organisation. Reviews
    run on the course workflow's peer-review task (its SLA: `review_days`); their times are counted
    back from `now`."""

    courses: list
    minutes: list
    lesson: object
    role: object
    skills: dict
    admin: object
    others: int
    authors_outside: int
    author: object = None
    draft: object = None
    workflow: object = None
    task: object = None
    review_days: int = 5
    now: object = None

    def at(self, hours_ago):
        return self.now - timedelta(hours=hours_ago)


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
    goal = BusinessGoal.objects.create(title=f"Recount goal {counter}")
    courses = [*world.courses, world.draft]
    for i, (author, with_skill, volunteers, with_goal, status) in enumerate(org["needs"]):
        need = LearningNeed.objects.create(title=f"Need {counter}-{i}", why="Because.", author=people[author],
                                           skill=world.skills["a"] if with_skill else None,
                                           goal=goal if with_goal else None, status=status)
        NeedVolunteer.objects.bulk_create(NeedVolunteer(need=need, expert=people[v]) for v in volunteers)
    for i, (team, offset, days, planned, spent, cancelled, with_goal, on) in enumerate(org["initiatives"]):
        starts = today + timedelta(days=offset)
        initiative = Initiative.objects.create(
            title=f"Initiative {counter}-{i}", pillar="talent", team=teams.get(team), goal=goal if with_goal else None,
            starts_on=starts, ends_on=starts + timedelta(days=days - 1), budget_planned=planned, budget_spent=spent,
            status="cancelled" if cancelled else "in_progress")
        initiative.courses.set([courses[c] for c in on])
    CourseAuthor.objects.bulk_create(CourseAuthor(course=world.courses[1], user=people[p], sort_order=i)
                                     for i, p in enumerate(sorted(org["co_authors"])))
    tags = CoursePage.skills.through
    tags.objects.bulk_create(tags(coursepage=courses[c], skill=world.skills["b"]) for c in org["tagged"])
    for course, rounds in org["reviews"]:
        _review(world, courses[course], rounds, people, sorted(org["co_authors"]) if course == 1 else None)
    committees = {}
    for i, (kind, ago, decisions) in enumerate(org["meetings"]):
        if kind not in committees:
            committees[kind] = Committee.objects.create(kind=kind, name=f"Recount {kind} {counter}")
        meeting = Meeting.objects.create(committee=committees[kind], held_on=today - timedelta(days=ago),
                                         agenda=f"Meeting {counter}-{i}")
        Decision.objects.bulk_create(Decision(meeting=meeting, text=f"Decision {d}") for d in range(decisions))
    for i, (tier, has_values) in enumerate(org["kpis"]):
        kpi = KPIDefinition.objects.create(slug=f"recount-{counter}-{i}", name=f"Recount KPI {counter}-{i}", tier=tier)
        if has_values:
            KPIValue.objects.create(kpi=kpi, date=today - timedelta(days=i), value=Decimal(i + 1))
    return teams


def _review(world, course, rounds, people, co_authors):
    """One submission of `course`: its Wagtail workflow state, a task state per round, each round's
    assignments, and the events the service records (a submission by an author is `authored`; a
    reviewer's approval or change request is `reviewed`, at its completion)."""
    # The first author submits (the world's author, or a co-author of the second course); anyone else
    # submitting (the L&D admin) is no author, and the service records nothing for them.
    submitter = world.author if co_authors is None else people[co_authors[0]] if co_authors else world.admin
    last = rounds[-1]
    status = ("in_progress" if any(a[1] == "pending" for a in last)
              else "needs_changes" if any(a[1] == "changes" for a in last) else "approved")
    state = WorkflowState.objects.create(
        content_type=course.content_type, base_content_type=course.get_base_content_type(),
        object_id=str(course.pk), workflow=world.workflow, requested_by=submitter, status=status)
    if submitter != world.admin:
        record_event(actor=submitter, verb=Verb.AUTHORED, object_type="course", object_id=course.pk,
                     course_id=course.pk, timestamp=world.at(max(a[2] for a in rounds[0])))
    for assignments in rounds:
        decisions = {a[1] for a in assignments}
        task_state = TaskState.objects.create(
            workflow_state=state, task=world.task, revision=course.latest_revision,
            status="in_progress" if "pending" in decisions else "rejected" if "changes" in decisions else "approved")
        for p, decision, assigned, completed in assignments:
            made = ReviewAssignment.objects.create(
                task_state=task_state, reviewer=people[p], course=course, assigned_at=world.at(assigned),
                due_at=world.at(assigned) + timedelta(days=world.review_days), decision=decision,
                completed_at=None if completed is None else world.at(completed))
            if decision in ("approved", "changes"):
                record_review(assignment=made, course=course)
    state.current_task_state = task_state
    state.save(update_fields=["current_task_state"])


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

    person_events, author_days = review_events(org, world)
    events = [(p, verb, kind) for p, verb, ago, kind in org["events"] + person_events
              if recent(ago) and in_scope(people[p]["team"])]

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
    for team_index, offset, days, plan, spend, cancelled, *_goal_and_courses in org["initiatives"]:
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

    # Reviews assigned in the period to reviewers in scope; done: the reviewer decided (a round closed or
    # a review reassigned before they did is no review of theirs); late: completed, or still open now,
    # after the due time.
    now = timezone.now()
    reviews = [(decision, world.at(assigned), None if completed is None else world.at(completed))
               for p, decision, assigned, completed in assignments_of(org)
               if recent((real_today - timezone.localdate(world.at(assigned))).days) and in_scope(people[p]["team"])]
    decided = [(assigned, completed) for decision, assigned, completed in reviews if decision in ("approved", "changes")]
    lead_days = [(completed - assigned).total_seconds() / 86400 for assigned, completed in decided]
    late = [1 for _d, assigned, completed in reviews
            if (completed or now) > assigned + timedelta(days=world.review_days)]
    # The world's author published a course today, and submits courses for review.
    author_active = scope is None and (not before or any(recent(ago) for ago in author_days))

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
        "live_courses": 2, "internally_authored_pct": 100 if org["co_authors"] else 50,
        "authors_of_live_courses": 1 + len(org["co_authors"]),
        "active_authors": actors({"authored", "published"}) + (world.authors_outside if author_active else 0),
        "active_reviewers": actors({"reviewed"}),
        "reviews_done": len(decided), "review_lead_time_days": sum(lead_days) / len(lead_days) if lead_days else None,
        "review_sla_breaches": len(late),
        "questions": asked, "comments": count["commented"], "answers": answers,
        "questions_per_learner": asked / learners if learners else None,
        "comments_per_learner": count["commented"] / learners if learners else None,
        "answer_rate_pct": _pct(min(answers, asked), asked),
        "lesson_questions_answered": sum(1 for r in reactions if r[1] == "question" and r[3]),
    }


def assignments_of(org):
    """Every review assignment of `org`, all submissions and rounds: (reviewer, decision, assigned, completed)."""
    return [a for _course, rounds in org["reviews"] for assignments in rounds for a in assignments]


def review_events(org, world):
    """The events reviewing writes: ([(person, "reviewed", days ago, "course")] for each approval or change
    request, on the day of its completion; [days ago of each submission by the world's author]). A
    submission by a co-author of the second course is an `authored` event of theirs."""
    today = timezone.localdate()

    def ago(hours):
        return (today - timezone.localdate(world.at(hours))).days

    person_events = [(p, "reviewed", ago(completed), "course") for p, decision, _assigned, completed
                     in assignments_of(org) if decision in ("approved", "changes")]
    author_days = []
    for course, rounds in org["reviews"]:
        submitted = ago(max(a[2] for a in rounds[0]))
        if course != 1:
            author_days.append(submitted)
        elif org["co_authors"]:
            person_events.append((min(org["co_authors"]), "authored", submitted, "course"))
    return person_events, author_days


def naive_evidence(org, world):
    """Every figure of the maturity evidence (governance.selectors.evidence), by label."""
    people = [p for p in org["people"] if p["active"]]
    total = len(people) + world.others
    active = len({p for p, verb, ago, _kind in org["events"] if verb in LEARNING and ago <= 29
                  and org["people"][p]["active"]})
    needs = org["needs"]
    year = [e for e in org["enrolments"] if e[3] <= 365]
    live = (0, 1)  # the draft (2) is not live
    internal = 1 + bool(org["co_authors"])
    on_roadmap = {c for i in org["initiatives"] if i[6] for c in i[7] if c in live}
    past_year = [m for m in org["meetings"] if 0 <= m[1] <= 365]
    tracked = {"spend", "engagement", "relevance"} | {tier for tier, has_values in org["kpis"] if has_values}
    if any(any(p["skills"].values()) for p in people):  # readiness: from the skill levels people hold
        tracked.add("readiness")

    def pct(part, whole):
        return f"{round(100 * part / whole)}%" if whole else "no data yet"

    return {
        ("content", "Live courses"): len(live),
        ("content", "Courses tied to a business goal through the roadmap"): pct(len(on_roadmap), len(live)),
        ("content", "Courses tagged with the skills they teach"): pct(len(org["tagged"] & set(live)), len(live)),
        ("executive", "Meetings with the Governance Board or Executive L&D Committee, last 12 months"):
            sum(1 for m in past_year if m[0] in LEADERSHIP),
        ("executive", "Committee meetings of any kind, last 12 months"): len(past_year),
        ("executive", "Decisions recorded, last 12 months"): sum(m[2] for m in past_year),
        ("executive", "Initiatives tied to a business goal"):
            pct(sum(1 for i in org["initiatives"] if i[6]), len(org["initiatives"])),
        ("sme", "Live courses written by internal experts"): pct(internal, len(live)),
        ("sme", "People authoring live courses"): 1 + len(org["co_authors"]),
        ("needs", "Needs linked to a business goal"): pct(sum(1 for n in needs if n[3]), len(needs)),
        ("needs", "Needs triaged"): pct(sum(1 for n in needs if n[4] != "new"), len(needs)),
        ("metrics", "KPI tiers tracked"): ", ".join(name for tier, name in TIERS.items() if tier in tracked),
        ("learners", "Active learners in the last 30 days"): f"{active} / {total}",
        ("learners", "Voluntary enrolments, last 12 months"): pct(sum(1 for e in year if e[2] == "self"), len(year)),
        ("tools", "Enrolments made by rules, last 12 months"): pct(sum(1 for e in year if e[2] == "rule"), len(year)),
        ("tools", "Enrolments through cohorts, last 12 months"): pct(sum(1 for e in year if e[2] == "cohort"), len(year)),
        ("needs", "Learning needs posted"): len(needs),
        ("needs", "People who posted a need"): len({n[0] for n in needs}),
        ("needs", "Needs linked to a skill"): pct(sum(1 for n in needs if n[1]), len(needs)),
        ("sme", "Learning needs with an expert volunteer"): pct(sum(1 for n in needs if n[2]), len(needs)),
        ("metrics", "People with assessed skill levels"):
            pct(sum(1 for p in people if any(p["skills"].values())), total),
    }


def agree(actual, expected):
    """The shown figure is the naive one, rounded as the page rounds (money to cents, the rest to 0.1)."""
    if expected is None or actual is None or actual == "":
        return (expected is None) == (actual is None or actual == "")
    tolerance = 0.051 if isinstance(expected, float) or isinstance(actual, (float, Decimal)) else 0
    return abs(float(actual) - float(expected)) <= max(tolerance, abs(float(expected)) * 1e-4)

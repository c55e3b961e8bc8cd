"""Demo courses, paths and a cohort from courses.demo_content, and learning progress for the demo
people, all through the courses services. Idempotent: pages that exist are left as they are, and
progress is only seeded for an enrolment this run created."""

import datetime
import importlib
import logging

from django.utils import timezone
from django.utils.text import slugify

from guild import demo
from guild.people.models import User
from guild.skills.models import Skill, SkillCategory

from .boosters.demo import seed_boosters
from .content import create_course, create_lesson, create_path, ensure_catalogue
from .models.cohorts import Cohort, CohortSession
from .models.discussions import DiscussionThread
from .models.enrolment import EnrolmentSource
from .models.pages import CoursePage, LearningPathPage, LessonPage
from .services import cohort_admin
from .services import cohorts as cohort_services
from .services import discussions as discussion_services
from .services import enrolment as enrolment_services
from .services import feedback as feedback_services
from .services import progress as progress_services
from .services import quizzes as quiz_services
from .services.errors import LearningError

logger = logging.getLogger(__name__)


def _content():
    try:
        return importlib.import_module("courses.demo_content")
    except ImportError:
        return None


def _people(emails):
    found = {u.email: u for u in User.objects.filter(email__in=list(emails))}
    return [found[e] for e in emails if e in found]


def _skills(names):
    category = None
    skills = []
    for name in names:
        skill = Skill.objects.filter(name=name).first()
        if skill is None:
            category = category or SkillCategory.objects.get_or_create(slug="general", defaults={"name": "General"})[0]
            skill = Skill.objects.create(name=name, slug=slugify(name), category=category)
        skills.append(skill)
    return skills


# Demo courses whose lessons open in order (the outline's locked state): the compliance course.
IN_ORDER = {"security-awareness"}


def seed_course(catalogue, data):
    """The course of `data` (courses.demo_content format), created with its missing lessons. Idempotent."""
    course = CoursePage.objects.filter(slug=data["slug"]).first()
    if course is None:
        authors = _people(data.get("authors", []))
        course = create_course(
            catalogue=catalogue, title=data["title"], slug=data["slug"], summary=data["summary"],
            level=data.get("level", "beginner"), estimated_minutes=data.get("estimated_minutes", 30),
            audience=data.get("audience", ""), certificate_validity_months=data.get("certificate_validity_months"),
            pass_mark=data.get("pass_mark"), is_mandatory=data.get("is_mandatory", False),
            lessons_in_order=data["slug"] in IN_ORDER,
            authors=authors, co_authors=_people(data.get("co_authors", [])), skills=_skills(data.get("skills", [])),
        )
    existing = set(LessonPage.objects.child_of(course).values_list("slug", flat=True))
    for lesson in data.get("lessons", []):
        if lesson["slug"] in existing:
            continue
        create_lesson(
            course=course, title=lesson["title"], slug=lesson["slug"], body=lesson["body"],
            summary=lesson.get("summary", ""), estimated_minutes=lesson.get("minutes", 10),
        )
    return course


@demo.step(order=20)
def seed(stdout=None):
    catalogue = ensure_catalogue()
    content = _content()
    if content is None:
        if stdout:
            stdout.write("  courses: catalogue only (no demo content module)")
        return
    courses = {data["slug"]: seed_course(catalogue, data) for data in getattr(content, "COURSES", [])}
    paths = {}
    for data in getattr(content, "PATHS", []):
        path = LearningPathPage.objects.filter(slug=data["slug"]).first() or create_path(
            catalogue=catalogue, title=data["title"], slug=data["slug"], intro=data.get("intro", ""),
            courses=[courses[s] for s in data.get("courses", []) if s in courses], skills=_skills(data.get("skills", [])),
        )
        paths[data["slug"]] = path
    cohorts, sessions = [], 0
    today = timezone.localdate()
    for data in getattr(content, "COHORTS", []):
        course = courses.get(data.get("course"))
        if course is None:
            continue
        starts = today + datetime.timedelta(days=data.get("starts_in_days", 0))
        facilitator = next(iter(_people([data["facilitator"]] if data.get("facilitator") else [])), None)
        cohort, _created = Cohort.objects.get_or_create(
            slug=data["slug"],
            defaults={"name": data["name"], "course": course, "starts_on": starts,
                      "ends_on": starts + datetime.timedelta(days=data.get("length_days", 28)), "facilitator": facilitator},
        )
        for person in _people(data.get("members", [])):
            cohort_services.add_to_cohort(cohort=cohort, learner=person)
        cohorts.append(cohort)
        sessions += seed_sessions(cohort, data)
    created = seed_progress([c for c in courses.values() if c.live], cohorts)
    asked = seed_boosters(learners=_people(BOOSTER_LEARNERS))
    if stdout:
        stdout.write(
            f"  courses: {len(courses)} courses, {len(paths)} paths, {len(cohorts)} cohorts with {sessions} new sessions, "
            f"{created} new enrolments with progress, {asked} booster questions asked"
        )


# People whose retention boosters have a fortnight of history (courses/boosters/demo.py).
BOOSTER_LEARNERS = ["learner@example.com", "grace.ito@example.com", "jonas.diallo@example.com"]


def _at(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def seed_sessions(cohort, data) -> int:
    """A cohort's live sessions (courses.demo_content's "sessions"), relative to today: the past ones
    with their attendance taken by the facilitator, the ones to come scheduled through the service
    (which sends the members their calendar invites). Only for a cohort that has none yet, and only
    on days within its dates. Returns how many were created."""
    if cohort.sessions.exists() or not data.get("sessions"):
        return 0
    today = timezone.localdate()
    organiser = User.objects.filter(email="admin@example.com").first()
    members = dict(cohort.memberships.values_list("learner__email", "learner_id"))
    created = 0
    for session in data["sessions"]:
        day = today + datetime.timedelta(days=session["in_days"])
        if not cohort.starts_on <= day <= cohort.ends_on:
            continue
        fields = {"title": session["title"], "duration_minutes": session.get("minutes", 60),
                  "location": session.get("location", ""), "video_url": session.get("video_url", "")}
        if day > today and organiser is not None:
            cohort_admin.schedule_session(by=organiser, cohort=cohort, starts_at=_at(day, session["hour"]), **fields)
        elif day < today:
            # The service schedules only sessions to come; the demo writes one that already happened.
            past = CohortSession.objects.create(cohort=cohort, starts_at=_at(day, session["hour"]), **fields)
            cohort_admin.record_attendance(by=cohort.facilitator or organiser, session=past, present_ids=[
                pk for email, pk in members.items() if email not in session.get("absent", [])])
        else:
            continue
        created += 1
    return created


# --- progress -------------------------------------------------------------------------------------


def _answers(lesson, right=True):
    answers = {}
    for block_id, question in lesson.questions():
        picks = [i for i, c in enumerate(question["choices"]) if bool(c["correct"]) == right]
        answers[block_id] = [str(p) for p in (picks if right or question["kind"] == "multiple" else picks[:1])]
    return answers


def _take(learner, course, lessons, *, upto, fail_first=False):
    """Take the first `upto` lessons: complete them, passing quizzes (after one wrong try if asked)."""
    for lesson in lessons[:upto]:
        try:
            if lesson.questions():
                if fail_first:
                    quiz_services.submit_quiz(learner=learner, lesson=lesson, answers=_answers(lesson, right=False))
                quiz_services.submit_quiz(learner=learner, lesson=lesson, answers=_answers(lesson))
            else:
                progress_services.complete_lesson(learner=learner, lesson=lesson)
        except LearningError as error:  # e.g. attempts exhausted by content with few attempts
            logger.info("demo progress stopped for %s in %s: %s", learner.email, course.slug, error.message)
            return


# Deterministic plan for the named learner: (course slug, source, due in days, lessons done, rate)
LEARNER_PLAN = [
    ("sql-for-analysts", EnrolmentSource.SELF, None, "all", 5),
    ("security-awareness", EnrolmentSource.ASSIGNED, -6, 1, None),
    ("data-privacy-in-practice", EnrolmentSource.ASSIGNED, 14, 0, None),
    ("customer-discovery-interviews", EnrolmentSource.SELF, None, 1, None),
]
OUTDATED_REASONS = [
    "The screenshots show the old version of the tool.",
    "The policy was updated last quarter; the thresholds here are the old ones.",
]

QUESTIONS = [
    "Does this apply to the reporting warehouse as well as production?",
    "Is there a template we can reuse for this in our team?",
    "How does this change if the person works in another timezone?",
]
REPLIES = [
    "I tried this with my team last week: the checklist in lesson two saved us a lot of back and forth.",
    "Same question here. Our team does it slightly differently; happy to compare notes.",
    "Thanks, that example made it click for me.",
]


def seed_progress(courses, cohorts):
    """Enrolments of every source, completions, quiz attempts (some failed first), overdue assignments,
    ratings, reactions and questions, and a discussion. Returns the number of enrolments created."""
    if not courses:
        return 0
    by_slug = {c.slug: c for c in courses}
    lessons = {c.pk: list(LessonPage.objects.child_of(c).live().order_by("path")) for c in courses}
    manager = User.objects.filter(email="manager@example.com").first()
    today = timezone.localdate()
    created_count = 0

    def run(learner, course, *, source=EnrolmentSource.SELF, due=None, done=0, rate=None, n=0):
        nonlocal created_count
        enrolment, created = enrolment_services.enrol(
            learner=learner, course=course, source=source, assigned_by=manager if source == EnrolmentSource.ASSIGNED else None,
            due_date=today + datetime.timedelta(days=due) if due is not None else None,
        )
        if not created:
            return
        created_count += 1
        course_lessons = lessons[course.pk]
        _take(learner, course, course_lessons, upto=len(course_lessons) if done == "all" else done, fail_first=n % 3 == 0)
        if course_lessons and done:
            first = course_lessons[0]
            kind = ("useful", "learned", "useful", "outdated")[n % 4]
            feedback_services.react(learner=learner, lesson=first, kind=kind, anonymous=n % 3 == 0,
                                    text=OUTDATED_REASONS[n % 2] if kind == "outdated" else "")
            if n % 5 == 1:
                feedback_services.react(learner=learner, lesson=first, kind="question", text=QUESTIONS[n % len(QUESTIONS)])
        if rate:
            feedback_services.rate_course(learner=learner, course=course, stars=rate, relevant=n % 4 != 3,
                                          anonymous=n % 3 == 1)

    learner = User.objects.filter(email="learner@example.com").first()
    if learner:
        for i, (slug, source, due, done, rate) in enumerate(LEARNER_PLAN):
            if slug in by_slug:
                run(learner, by_slug[slug], source=source, due=due, done=done, rate=rate, n=i)

    # Everyone else: two to four courses each, chosen and progressed by their position in the list.
    others = list(User.objects.filter(is_active=True, email__endswith="@example.com").exclude(email="learner@example.com").order_by("email"))
    for n, person in enumerate(others):
        for k in range(2 + n % 3):
            course = courses[(n * 3 + k * 5) % len(courses)]
            count = len(lessons[course.pk])
            stage = (n + k) % 4  # 0 not started, 1 part-way, 2 and 3 completed
            done = 0 if stage == 0 else (max(1, count // 2) if stage == 1 else "all")
            assigned = (n + k) % 5 == 0
            run(person, course, source=EnrolmentSource.ASSIGNED if assigned else EnrolmentSource.SELF,
                due=(-3 if stage < 2 else 10) if assigned else None, done=done,
                rate=(3 + (n + k) % 3) if stage >= 2 else None, n=n + k)

    # A discussion on the 1:1s course (or the first one), with replies.
    course = by_slug.get("running-effective-1-1s", courses[0])
    if learner and not DiscussionThread.objects.filter(course=course).exists():
        thread, _post = discussion_services.start_thread(
            author=learner, course=course, title="How do you keep 1:1 notes between meetings?",
            body="I lose track of actions between weeks. What do you use: a shared doc, the HR tool, something else?",
        )
        for i, person in enumerate(others[:3]):
            discussion_services.post_reply(author=person, thread=thread, body=REPLIES[i])
    for cohort in cohorts:
        if cohort.facilitator and not DiscussionThread.objects.filter(cohort=cohort).exists():
            discussion_services.start_thread(
                author=cohort.facilitator, cohort=cohort, title="Welcome: introduce yourself",
                body="Tell the cohort your team and one thing you want to get better at in the next four weeks.",
            )
    return created_count

"""A year of demo learning activity before today, so the dashboards' first screen shows trends, not one
spike on the day `make demo` ran: learning grows over the year (an upward trend), dips in August and
in the last days of December, and peaks in January and September, with quiet weekends.

Only the demo's colleagues outside the named sign-ins take part (Liam, Sofia, Marcus... keep exactly
the learning the other demo steps gave them). Each finished course of the history is a completed
enrolment with its events, so completions on the dashboard and enrolments agree. Deterministic: a
fixed random seed, dates relative to today. Written in bulk (the event log is append-only and the
history needs no notification, point or xAPI statement); a second run adds nothing."""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from courses.models import CoursePage, Enrolment, EnrolmentSource, EnrolmentStatus, LessonPage
from guild.events.models import LearningEvent, Verb
from guild.people.models import User

MARK = {"demo": "history"}  # on every history event: how a second run knows it is done
NAMED = ("learner", "expert", "reviewer", "manager", "admin", "exec", "camille")
SEED = 18
DAYS = 365
# How busy each month is, against an average month of 1.
SEASON = {1: 1.35, 2: 1.2, 3: 1.1, 4: 1.0, 5: 0.95, 6: 0.9, 7: 0.7, 8: 0.35, 9: 1.4, 10: 1.15, 11: 1.05, 12: 0.9}


def busyness(day, *, today):
    """How likely a person learns on `day`: season, trend over the year (half as busy a year ago as
    now), the end-of-year break and weekends."""
    season = 0.25 if day.month == 12 and day.day >= 22 else SEASON[day.month]
    trend = 0.5 + 0.5 * (1 - (today - day).days / DAYS)
    weekday = 0.15 if day.weekday() >= 5 else 1.0
    return 0.22 * season * trend * weekday


def _at(day, rng):
    return timezone.make_aware(datetime.combine(day, time(rng.randint(8, 17), rng.randint(0, 59))))


def _next_lesson(person, day, rng, current, todo, lessons, event, enrolments, known):
    """`person` takes the next lesson of their current course (starting the next course if none),
    finishing the course after its last lesson."""
    if person.pk not in current:
        course = todo[person.pk].pop()
        at = _at(day, rng)
        current[person.pk] = (course, at, 0)
        known[person.pk].append(course)
        event(person, Verb.REGISTERED, "course", course.pk, course, at)
    course, enrolled_at, done = current[person.pk]
    steps = lessons[course.pk] or [None]
    at = _at(day, rng)
    if steps[done] is not None:
        event(person, Verb.EXPERIENCED, "lesson", steps[done], course, at)
        event(person, Verb.COMPLETED, "lesson", steps[done], course, at)
    if done + 1 < len(steps):
        current[person.pk] = (course, enrolled_at, done + 1)
        return
    finished = at + timedelta(minutes=5)
    event(person, Verb.COMPLETED, "course", course.pk, course, finished)
    enrolments.append(Enrolment(
        learner=person, course=course, source=EnrolmentSource.SELF, status=EnrolmentStatus.COMPLETED,
        progress=100, enrolled_at=enrolled_at, started_at=enrolled_at, last_activity_at=finished, completed_at=finished))
    del current[person.pk]


def seed_history(*, today=None):
    """Write the year of activity; returns (events, enrolments) written (0, 0 when already there)."""
    if LearningEvent.objects.filter(context=MARK).exists():
        return 0, 0
    today = today or timezone.localdate()
    rng = random.Random(SEED)
    people = list(User.objects.filter(is_active=True, email__endswith="@example.com")
                  .exclude(email__in=[f"{name}@example.com" for name in NAMED]).order_by("email"))
    courses = list(CoursePage.objects.live().order_by("path"))
    if not people or not courses:
        return 0, 0
    lessons = {c.pk: list(LessonPage.objects.child_of(c).live().order_by("path").values_list("pk", flat=True))
               for c in courses}
    taken = set(Enrolment.objects.values_list("learner_id", "course_id"))
    events, enrolments = [], []

    def event(person, verb, kind, object_id, course, at):
        events.append(LearningEvent(actor=person, verb=verb, object_type=kind, object_id=str(object_id),
                                    object_name=course.title, course_id=course.pk, team_id=person.team_id,
                                    timestamp=at, context=MARK))

    # Each person's courses still to take, in a fixed shuffled order: they finish them through the year.
    todo = {p.pk: [c for c in rng.sample(courses, len(courses)) if (p.pk, c.pk) not in taken] for p in people}
    by_pk = {c.pk: c for c in courses}
    known = {p.pk: [by_pk[c] for (learner, c) in sorted(taken) if learner == p.pk and c in by_pk] for p in people}
    current = {}  # person id -> (course, enrolment time, lessons done)
    for ago in range(DAYS, 0, -1):
        day = today - timedelta(days=ago)
        chance = busyness(day, today=today)
        for person in people:
            if rng.random() >= chance:
                continue
            if rng.random() < 0.4 and (person.pk in current or todo[person.pk]):
                _next_lesson(person, day, rng, current, todo, lessons, event, enrolments, known)
            elif known[person.pk]:  # back to a course they took: a lesson read again
                course = rng.choice(known[person.pk])
                for _i in range(rng.randint(1, 3)):
                    if lessons[course.pk]:
                        event(person, Verb.EXPERIENCED, "lesson", rng.choice(lessons[course.pk]), course, _at(day, rng))
    # Courses left part-way drop out of the story (their events stay: people did learn that day); an
    # enrolment for them would sit "in progress" for months on people's pages.
    events.sort(key=lambda e: e.timestamp)  # ids grow with time, as in a real log
    LearningEvent.objects.bulk_create(events, batch_size=2000)
    Enrolment.objects.bulk_create(enrolments, batch_size=1000)
    return len(events), len(enrolments)

"""Demo badges, eight weeks of point history, kudos and last month's recognition. Idempotent:
every award has a fixed source, every kudos a fixed submission key, badges are keyed by slug.

The courses demo already paid real points through the signals (completions, quizzes, useful
marks, published courses); this adds history so that week, month and all-time boards differ."""

import datetime
import random
import uuid

from django.contrib.auth import get_user_model
from django.utils import timezone

from guild import demo
from guild.people.roles import Role
from guild.skills.models import Skill

from .badges import award_top_contributor_badges, backfill_badge
from .models import Badge, Criterion, Reason, RewardLedgerEntry
from .recognition import summarise_month
from .services import award_points, give_kudos
from .tasks import previous_month

BADGES = [
    # slug, name, colour, description, criterion fields
    ("first-steps", "First steps", "#2e7d32", "Completed a first course.",
     {"criterion": Criterion.EVENT_COUNT, "reason": Reason.COURSE_COMPLETED, "threshold": 1}),
    ("quick-study", "Quick study", "#1565c0", "Passed five quizzes at the first attempt within 30 days.",
     {"criterion": Criterion.EVENT_COUNT, "reason": Reason.QUIZ_FIRST_TIME, "threshold": 5, "period_days": 30}),
    ("steady-learner", "Steady learner", "#6a1b9a", "Learned on five days of a week.",
     {"criterion": Criterion.EVENT_COUNT, "reason": Reason.LEARNING_STREAK, "threshold": 1}),
    ("author", "Author", "#ef6c00", "Published a course for colleagues.",
     {"criterion": Criterion.EVENT_COUNT, "reason": Reason.COURSE_PUBLISHED, "threshold": 1}),
    ("helpful-expert", "Helpful expert", "#00838f", "Answered five learners' questions.",
     {"criterion": Criterion.EVENT_COUNT, "reason": Reason.QUESTION_ANSWERED, "threshold": 5}),
    ("peer-reviewer", "Peer reviewer", "#5d4037", "Completed three course reviews.",
     {"criterion": Criterion.EVENT_COUNT, "reason": Reason.REVIEW_COMPLETED, "threshold": 3}),
    ("appreciated", "Appreciated", "#c2185b", "Thanked by colleagues three times.",
     {"criterion": Criterion.EVENT_COUNT, "reason": Reason.KUDOS_RECEIVED, "threshold": 3}),
    ("top-contributor", "Top contributor", "#b8860b", "Among the three top contributors of a month.",
     {"criterion": Criterion.TOP_CONTRIBUTOR, "threshold": 3}),
]

KUDOS = [
    ("learner@example.com", "expert@example.com", "SQL", "Your SQL course made window functions finally click. Thank you!"),
    ("manager@example.com", "expert@example.com", None, "Thanks for running the analytics clinic for the whole team."),
    ("reviewer@example.com", "expert@example.com", None, "Clear, careful course: reviewing it was a pleasure."),
    ("expert@example.com", "reviewer@example.com", "Code review", "Your review comments improved my course a lot."),
    ("expert@example.com", "learner@example.com", None, "Great questions in the cohort: they helped everyone."),
    ("admin@example.com", "reviewer@example.com", None, "Thank you for turning reviews around so quickly this month."),
]

# No made-up course completions: those points come only from courses really completed (the courses
# demo), so "Completed a course" on Rewards matches the Completed list of My learning.
LEARNING = [Reason.QUIZ_FIRST_TIME, Reason.QUIZ_FIRST_TIME, Reason.LEARNING_STREAK]
CONTRIBUTING = [Reason.QUESTION_ANSWERED, Reason.REVIEW_COMPLETED, Reason.LESSON_USEFUL, Reason.LESSON_USEFUL]
POINTS = {
    Reason.COURSE_COMPLETED: 50, Reason.QUIZ_FIRST_TIME: 10, Reason.LEARNING_STREAK: 20,
    Reason.QUESTION_ANSWERED: 15, Reason.REVIEW_COMPLETED: 30, Reason.LESSON_USEFUL: 2,
}


@demo.step(order=50)
def seed(stdout=None):
    for slug, name, colour, description, criteria in BADGES:
        Badge.objects.get_or_create(slug=slug, defaults={"name": name, "colour": colour, "description": description, **criteria})
    sql = Skill.objects.filter(name="SQL").first()
    if sql:
        Badge.objects.get_or_create(slug="sql-proficient", defaults={
            "name": "SQL proficient", "colour": "#37474f", "description": "Reached the Proficient level in SQL.",
            "criterion": Criterion.SKILL_LEVEL, "skill": sql, "skill_level": 3,
        })

    people = list(get_user_model().objects.filter(email__endswith="@example.com", is_active=True).order_by("pk"))
    if not people:
        if stdout:
            stdout.write("  rewards: badges only (no demo people)")
        return
    before = RewardLedgerEntry.objects.count()
    now = timezone.now()
    rng = random.Random(7)  # the same history on every run
    for person in people:
        contributes = person.has_role(Role.EXPERT, Role.REVIEWER)
        for n in range(rng.randint(3, 12)):
            reason = rng.choice(CONTRIBUTING if contributes and rng.random() < 0.6 else LEARNING)
            when = now - datetime.timedelta(days=rng.randint(0, 56), hours=rng.randint(0, 8))
            award_points(
                person=person, reason=reason, source=("demo.history", f"{person.email}:{n}"), points=POINTS[reason],
                when=when, description=f"{reason.label} (demo history)",
            )

    by_email = {p.email: p for p in people}
    skills = {s.name: s for s in Skill.objects.filter(name__in=[k[2] for k in KUDOS if k[2]])}
    for sender, recipient, skill, message in KUDOS:
        if sender in by_email and recipient in by_email:
            give_kudos(
                sender=by_email[sender], recipient=by_email[recipient], message=message, skill=skills.get(skill),
                submission_key=uuid.uuid5(uuid.NAMESPACE_URL, f"guild-demo-kudos:{sender}:{recipient}"),
            )

    for badge in Badge.objects.filter(is_active=True):
        backfill_badge(badge=badge)  # e.g. skill levels the people demo set before the badge existed
    last_month = previous_month(timezone.localdate())
    award_top_contributor_badges(month=last_month)
    summary = summarise_month(month=last_month)
    if stdout:
        stdout.write(
            f"  rewards: {Badge.objects.count()} badges, {RewardLedgerEntry.objects.count() - before} new ledger entries, "
            f"{summary['contributors']} contributors summarised for {last_month:%B %Y}"
        )

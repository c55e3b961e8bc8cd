"""The weekly feedback digest for authors: reactions, questions and ratings on their courses.

Registered with the platform's sweeps (guild.core.sweeps); sent through the learning automation's
weekly digest machinery, on the reminder policy's digest day (policy: author_digest)."""

import logging
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Avg, Count

from courses.automation.digests import weekly_digest_sweep
from courses.automation.models import ReminderPolicy
from courses.models import CourseAuthor, CourseRating, LessonReaction, ReactionKind
from guild.core import sweeps

logger = logging.getLogger(__name__)
User = get_user_model()


def author_digest_payload(*, author, now) -> dict:
    since = now - timedelta(days=7)
    course_ids = list(CourseAuthor.objects.filter(user=author).values_list("course_id", flat=True))
    reactions = dict(
        LessonReaction.objects.filter(course_id__in=course_ids, created_at__gte=since)
        .values_list("kind").annotate(n=Count("pk")).values_list("kind", "n")
    )
    ratings = CourseRating.objects.filter(course_id__in=course_ids, updated_at__gte=since).aggregate(
        n=Count("pk"), avg=Avg("stars")
    )
    return {
        "useful": reactions.get(ReactionKind.USEFUL, 0) + reactions.get(ReactionKind.LEARNED, 0),
        "outdated": reactions.get(ReactionKind.OUTDATED, 0),
        "questions": reactions.get(ReactionKind.QUESTION, 0),
        "unanswered": LessonReaction.objects.filter(course_id__in=course_ids, kind=ReactionKind.QUESTION, answer="").count(),
        "ratings": ratings["n"], "average": round(ratings["avg"] or 0, 1),
    }


@sweeps.register("sme.author_digest", order=50)
def sweep_author_digests(*, now=None, batch_size=None, enqueue=True) -> dict:
    if not ReminderPolicy.get().author_digest:
        return {"queued": 0, "batches": 0}
    authors = User.objects.filter(is_active=True, pk__in=CourseAuthor.objects.values("user_id"))
    counts = weekly_digest_sweep(
        authors, kind="digest.author", key_prefix="digest:author", now=now, batch_size=batch_size, enqueue=enqueue,
        payload_for=lambda a, t: author_digest_payload(author=a, now=t),
        keep=lambda p: any(p[k] for k in ("useful", "outdated", "questions", "ratings")),
    )
    logger.info("author digest sweep: %s", counts)
    return counts

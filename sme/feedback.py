"""Learner feedback as the authors see it: a new question reaches them at once, and the
workspace's feed ties every reaction, rating and "outdated" flag to the lesson it is about.

A learner who ticked "Don't show my name to the authors" is "A learner" here and in the
messages; their answers still reach them (the reaction keeps its learner)."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from courses.models import CourseRating, LessonPage, LessonReaction, ReactionKind
from courses.permissions import course_author_ids
from guild.notifications.models import OutboxMessage
from guild.notifications.services import queue_messages
from guild.notifications.tasks import enqueue_delivery
from guild.people.models import User

FEED_LIMIT = 30


def shown_name(item) -> str:
    """The learner's name, unless they chose to stay anonymous."""
    return _("A learner") if item.anonymous else item.learner.display_name


def questions_url(reaction_id) -> str:
    return f"{reverse('sme:workspace')}#question-{reaction_id}"


def tell_authors_of_question(reaction) -> int:
    """Queue a message to each active author of the question's course, now (not in the weekly
    digest), through the outbox: each author gets it once, in their own language, in-app and by
    email as their preferences say. Returns how many were queued."""
    if reaction.kind != ReactionKind.QUESTION:
        return 0
    course, lesson = reaction.course, reaction.lesson
    authors = User.objects.filter(pk__in=course_author_ids(course), is_active=True).exclude(pk=reaction.learner_id)
    payload = {
        "reaction": reaction.pk, "course_title": course.title, "lesson_title": lesson.title,
        "question": reaction.text[:1000], "learner": None if reaction.anonymous else reaction.learner.display_name,
        "url": questions_url(reaction.pk),
    }
    new = queue_messages([
        OutboxMessage(key=f"question.asked:{reaction.pk}:{author.pk}", recipient=author, kind="question.asked",
                      payload=payload)
        for author in authors
    ])
    if new:
        transaction.on_commit(enqueue_delivery)
    return len(new)


@dataclass
class FeedItem:
    kind: str  # a ReactionKind value, or "rating"
    label: str
    when: object
    who: str
    course: object
    lesson: object = None  # None for a rating: it is about the whole course
    text: str = ""
    stars: int | None = None


def feedback_feed(*, course_ids, limit=FEED_LIMIT) -> list[FeedItem]:
    """The latest reactions (not questions: they have their own list) and ratings on these
    courses, newest first, each with its lesson. Two queries."""
    if not course_ids:
        return []
    reactions = (
        LessonReaction.objects.filter(course_id__in=course_ids).exclude(kind=ReactionKind.QUESTION)
        .select_related("learner", "lesson", "course").order_by("-created_at")[:limit]
    )
    ratings = (
        CourseRating.objects.filter(course_id__in=course_ids).select_related("learner", "course")
        .order_by("-updated_at")[:limit]
    )
    items = [
        FeedItem(kind=r.kind, label=r.get_kind_display(), when=r.created_at, who=shown_name(r), course=r.course,
                 lesson=r.lesson, text=r.text)
        for r in reactions
    ] + [
        FeedItem(kind="rating", label=_("Rated the course"), when=r.updated_at, who=shown_name(r), course=r.course,
                 text=r.comment, stars=r.stars)
        for r in ratings
    ]
    return sorted(items, key=lambda item: item.when, reverse=True)[:limit]


def outdated_lessons(*, course_ids) -> dict:
    """{course id: [(lesson, how many learners flagged it outdated), ...]}, most flagged first:
    where a course's "needs update" flag comes from. One query."""
    if not course_ids:
        return {}
    rows = (
        LessonReaction.objects.filter(course_id__in=course_ids, kind=ReactionKind.OUTDATED)
        .values("course_id", "lesson_id").annotate(n=Count("id")).order_by("-n", "lesson_id")
    )
    rows = list(rows)
    lessons = LessonPage.objects.in_bulk([r["lesson_id"] for r in rows])
    found = {}
    for row in rows:
        if row["lesson_id"] in lessons:
            found.setdefault(row["course_id"], []).append((lessons[row["lesson_id"]], row["n"]))
    return found

"""Reads for the expert directory, profiles and the author's workspace. Each runs a fixed
number of queries whatever the number of experts, courses and reviews (the review parts come
from the peer review through sme.extensions)."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Prefetch, Q
from wagtail.models import GroupApprovalTask, Page, WorkflowState

from courses.models import CourseAuthor, CoursePage, DiscussionThread, LessonReaction, ReactionKind
from guild.people.models import User
from guild.people.roles import Role
from guild.skills.models import PersonSkill

from . import extensions
from .community import COMMUNITY_SPACE
from .feedback import feedback_feed, outdated_lessons
from .lesson_ratings import lesson_ratings
from .models import Nomination, NominationStatus

WORKSPACE_LIMIT = 50


def expert_skills_prefetch():
    return Prefetch(
        "skills",
        queryset=PersonSkill.objects.filter(source=PersonSkill.Source.EXPERT).select_related("skill").order_by("-level", "skill__name"),
        to_attr="expert_skills",
    )


def search_experts(*, query="", skill_slug=""):
    """Experts (people with the Expert role or a confirmed expert skill), by name and skill."""
    experts = (
        User.objects.filter(is_active=True)
        .filter(Q(groups__name=Role.EXPERT) | Q(skills__source=PersonSkill.Source.EXPERT))
        .select_related("expert_profile", "team")
        .prefetch_related(expert_skills_prefetch())
        .distinct()
        .order_by("first_name", "last_name", "id")
    )
    for word in (query or "").split()[:5]:
        experts = experts.filter(
            Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(job_title__icontains=word)
            | Q(skills__skill__name__icontains=word, skills__source=PersonSkill.Source.EXPERT)
        )
    if skill_slug:
        experts = experts.filter(skills__skill__slug=skill_slug, skills__source=PersonSkill.Source.EXPERT)
    return experts


def co_author_candidates(*, user, limit=200):
    """Experts `user` may invite to co-author (one query)."""
    return (
        User.objects.filter(is_active=True, groups__name=Role.EXPERT)
        .exclude(pk=user.pk)
        .distinct()
        .order_by("first_name", "last_name", "id")[:limit]
    )


def expert_detail(*, user_id):
    return (
        User.objects.filter(pk=user_id, is_active=True)
        .select_related("expert_profile", "team")
        .prefetch_related(expert_skills_prefetch())
        .first()
    )


def courses_written_by(*, user):
    return CoursePage.objects.live().filter(course_authors__user=user).distinct().order_by("title")


def nominations_for(*, user):
    """What the nominations page shows `user`: theirs to answer, theirs made, and (L&D) to confirm."""
    base = Nomination.objects.select_related("nominee", "nominated_by", "skill")
    return {
        "to_answer": list(base.filter(nominee=user, status=NominationStatus.AWAITING_NOMINEE)[:50]),
        "received": list(base.filter(nominee=user).exclude(status=NominationStatus.AWAITING_NOMINEE)[:50]),
        "made": list(base.filter(nominated_by=user).exclude(nominee=user)[:50]),
        "to_confirm": list(base.filter(status=NominationStatus.AWAITING_CONFIRMATION)[:100])
        if user.has_role(Role.LD_ADMIN) else [],
    }


@dataclass
class CourseInReview:
    course: object
    workflow_state: object
    step: str
    since: object
    reviewers: list = field(default_factory=list)
    needs_changes: bool = False
    # Wagtail's stock group approval step: the review workflow's L&D sign-off (governance.review.signoff).
    is_signoff: bool = False
    # "In review (round 2): 1 of 2 approvals": the review's own words, when it supplies them
    status: str = ""


@dataclass
class Workspace:
    drafts: list
    in_review: list
    published: list
    questions: list
    reactions: list  # sme.feedback.FeedItem: reactions and ratings, newest first
    reviews: list
    outdated: dict = field(default_factory=dict)  # course id -> [(lesson, count)] flagged outdated
    lesson_ratings: list = field(default_factory=list)  # sme.lesson_ratings.CourseLessonRatings, weakest first


def workspace_for(*, user) -> Workspace:
    """The author's workspace: drafts, courses in review (which step, which reviewers, since when),
    published courses with their stats and their lessons' ratings, learners' questions and
    reactions, reviews to do."""
    courses = list(
        CoursePage.objects.filter(Q(course_authors__user=user) | Q(owner=user))
        .select_related("stats")
        .prefetch_related(Prefetch("course_authors", queryset=CourseAuthor.objects.select_related("user")))
        .distinct()
        .order_by("-latest_revision_created_at", "-id")[: WORKSPACE_LIMIT * 3]
    )
    states = {}
    if courses:
        page_type = ContentType.objects.get_for_model(Page)
        for ws in WorkflowState.objects.filter(
            base_content_type=page_type,
            object_id__in=[str(c.pk) for c in courses],
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        ).select_related("current_task_state__task"):
            states[int(ws.object_id)] = ws
    round_ids = [ws.current_task_state_id for ws in states.values() if ws.current_task_state_id]
    reviewers = extensions.round_reviewers(round_ids=round_ids)
    statuses = extensions.round_status(round_ids=round_ids)

    signoff_type = ContentType.objects.get_for_model(GroupApprovalTask)
    drafts, in_review, published = [], [], []
    for course in courses:
        ws = states.get(course.pk)
        if ws is not None:
            ts = ws.current_task_state
            in_review.append(
                CourseInReview(
                    course=course, workflow_state=ws,
                    step=ts.task.name if ts else "",
                    since=ts.started_at if ts else ws.created_at,
                    reviewers=reviewers.get(ws.current_task_state_id, []),
                    needs_changes=ws.status == WorkflowState.STATUS_NEEDS_CHANGES,
                    is_signoff=bool(ts and ts.task.content_type_id == signoff_type.pk),
                    status=statuses.get(ws.current_task_state_id, ""),
                )
            )
        elif course.live:
            published.append(course)
        else:
            drafts.append(course)
    published_ids = [c.pk for c in published]
    feedback = LessonReaction.objects.filter(course_id__in=published_ids).select_related("learner", "lesson", "course")
    questions = list(
        feedback.filter(kind=ReactionKind.QUESTION).order_by(F_answered_first(), "-created_at")[:WORKSPACE_LIMIT]
    )
    flagged = [c.pk for c in published if getattr(c, "stats", None) and c.stats.needs_update]
    outdated = outdated_lessons(course_ids=flagged)
    for course in published:
        course.outdated_lessons = outdated.get(course.pk, [])
    published = published[:WORKSPACE_LIMIT]
    return Workspace(
        drafts=drafts[:WORKSPACE_LIMIT], in_review=in_review[:WORKSPACE_LIMIT], published=published,
        questions=questions, reactions=feedback_feed(course_ids=published_ids),
        reviews=extensions.reviews_assigned(user=user, limit=WORKSPACE_LIMIT), outdated=outdated,
        # Live courses under review again too: the weak lessons are what the author is revising.
        lesson_ratings=lesson_ratings(courses=published + [r.course for r in in_review[:WORKSPACE_LIMIT] if r.course.live]),
    )


def F_answered_first():  # noqa: N802 - reads like the ordering it builds
    """Unanswered questions first."""
    return F("answered_at").asc(nulls_first=True)


def community_threads():
    return DiscussionThread.objects.filter(space=COMMUNITY_SPACE).select_related("author").order_by("-last_post_at")

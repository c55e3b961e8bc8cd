"""Peer-review rules. Every decision on a review goes through here, whether it comes from
the Wagtail editor's workflow menu or from the review page of the site.

Decisions on one round (one Wagtail TaskState) are serialised by locking that TaskState row,
so two reviewers approving at the same instant are both counted, once each."""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import TaskState

from courses.permissions import course_author_ids
from guild.notifications.services import notify
from guild.people.models import User
from guild.people.roles import Role
from guild.skills.models import PersonSkill

from . import conf
from .events import record_review
from .models import PeerReviewTask, ReviewAssignment, ReviewDecision, SuggestedReviewer
from .selectors import checklist_for, course_of, course_people_excluded_from_review
from .signals import review_completed

log = logging.getLogger(__name__)


class ReviewError(Exception):
    """A decision a person tried to make and may not; the message says why."""


@dataclass
class ReviewResult:
    assignment: ReviewAssignment
    approvals: int
    approvals_required: int
    round_closed: bool
    already_done: bool = False


def reviewer_pool(*, course, excluded_ids):
    """People who may review `course`, with whether they share one of its skills and their open load."""
    skill_ids = list(course.skills.values_list("id", flat=True))
    shares = PersonSkill.objects.filter(
        person=OuterRef("pk"), skill_id__in=skill_ids, level__gte=conf.min_skill_level()
    )
    pool = (
        User.objects.filter(is_active=True, groups__name__in=[Role.EXPERT, Role.REVIEWER])
        .exclude(pk__in=excluded_ids)
        .annotate(
            shares_skill=Exists(shares),
            load=Count("review_assignments", filter=Q(review_assignments__decision=ReviewDecision.PENDING), distinct=True),
        )
        .distinct()
    )
    if skill_ids:
        pool = pool.filter(shares_skill=True)
    return pool.order_by("load", "id")


def _due_at(task, start):
    return start + timedelta(days=task.sla_days())


@transaction.atomic
def assign_reviewers(*, task_state) -> list[ReviewAssignment]:
    """Assign as many reviewers as the task needs approvals: the previous round's reviewers first
    (they know the course), then those the authors suggested, then the least-loaded experts and
    reviewers who share a skill with it.
    Authors, co-authors and the person who submitted it are never assigned."""
    task = task_state.task.specific
    course = course_of(task_state)
    if course is None:
        # Peer review is for courses; other pages (paths, the catalogue) go on to the next step.
        task_state.approve(user=None, update=False, comment=_("Not a course: no peer review needed."))
        return []
    excluded = course_people_excluded_from_review(course=course, workflow_state=task_state.workflow_state)
    already = set(task_state.review_assignments.values_list("reviewer_id", flat=True))
    wanted = task.approvals_required - len(already)
    if wanted <= 0:
        return []
    previous = list(
        ReviewAssignment.objects.filter(
            task_state__workflow_state=task_state.workflow_state,
            decision__in=[ReviewDecision.APPROVED, ReviewDecision.CHANGES_REQUESTED, ReviewDecision.CLOSED],
        )
        .exclude(reviewer_id__in=excluded | already)
        .filter(reviewer__is_active=True)
        .order_by("-task_state__started_at", "id")
        .values_list("reviewer_id", flat=True)
    )
    chosen = []
    for reviewer_id in previous:
        if reviewer_id not in chosen and len(chosen) < wanted:
            chosen.append(reviewer_id)
    if len(chosen) < wanted:
        # Then whoever the authors suggested, if they may still review it.
        suggested = list(SuggestedReviewer.objects.filter(course=course).values_list("reviewer_id", flat=True))
        eligible = set(
            reviewer_pool(course=course, excluded_ids=excluded | already | set(chosen))
            .filter(pk__in=suggested).values_list("id", flat=True)
        ) if suggested else set()
        chosen += [rid for rid in suggested if rid in eligible][: wanted - len(chosen)]
    if len(chosen) < wanted:
        pool = reviewer_pool(course=course, excluded_ids=excluded | already | set(chosen))
        chosen += list(pool.values_list("id", flat=True)[: wanted - len(chosen)])
    now = timezone.now()
    assignments = []
    for reviewer in User.objects.filter(pk__in=chosen):
        assignments.append(
            ReviewAssignment.objects.create(
                task_state=task_state, reviewer=reviewer, course=course, assigned_at=now, due_at=_due_at(task, now)
            )
        )
    for assignment in assignments:
        _notify_assigned(assignment)
    if len(already) + len(assignments) < task.approvals_required:
        _tell_ld_admins_reviewers_missing(course=course, task_state=task_state)
    log.info("review: assigned %d reviewer(s) to course %s (round %s)", len(assignments), course.pk, task_state.pk)
    return assignments


def _notify_assigned(assignment):
    transaction.on_commit(
        lambda: notify(
            recipient=assignment.reviewer,
            kind="review.assigned",
            title=lambda: _("Please review “%(course)s”") % {"course": assignment.course.title},
            body=lambda: _("Due by %(due)s.") % {"due": timezone.localdate(assignment.due_at).isoformat()},
            url=_review_url(assignment),
            dedupe_key=f"review.assigned:{assignment.pk}",
        )
    )


def _review_url(assignment):
    return reverse("sme:review:review", args=[assignment.pk])


def _tell_ld_admins_reviewers_missing(*, course, task_state):
    admins = User.objects.filter(is_active=True, groups__name=Role.LD_ADMIN)
    for admin in admins:
        notify(
            recipient=admin,
            kind="review.short_of_reviewers",
            title=lambda: _("“%(course)s” needs more reviewers") % {"course": course.title},
            body=lambda: _("Not enough experts share a skill with this course. Assign a reviewer by hand."),
            url=_review_url_for_course(course),
            dedupe_key=f"review.short:{task_state.pk}",
        )


def _review_url_for_course(course):
    return reverse("sme:review:course", args=[course.pk])


def notify_authors(*, course, kind, title, body="", url="", key=""):
    """Tell a course's authors and owner (not whoever submitted it for them)."""
    author_ids = course_author_ids(course)
    for author in User.objects.filter(pk__in=author_ids, is_active=True):
        notify(recipient=author, kind=kind, title=title, body=body, url=url, dedupe_key=f"{key}:{author.pk}" if key else "")


def _locked_round(task_state, reviewer):
    """Lock the round and the reviewer's assignment, and check that they may decide on it now."""
    ts = TaskState.objects.select_for_update().get(pk=task_state.pk)
    course = course_of(ts)
    if course is None:
        raise ReviewError(_("Only courses are peer reviewed."))
    if reviewer.pk in course_people_excluded_from_review(course=course, workflow_state=ts.workflow_state):
        raise ReviewError(_("You author this course, so you cannot review it."))
    assignment = ReviewAssignment.objects.select_for_update().filter(task_state=ts, reviewer=reviewer).first()
    if assignment is None:
        raise ReviewError(_("You are not a reviewer of this course."))
    return ts, course, assignment


def _after_decision(assignment, course):
    transaction.on_commit(
        lambda: review_completed.send(
            sender=ReviewAssignment, assignment=assignment, reviewer=assignment.reviewer,
            course=course, decision=assignment.decision,
        )
    )


@transaction.atomic
def approve(*, task_state, reviewer, checklist, comment="") -> ReviewResult:
    """Record `reviewer`'s approval. The round is approved (and the workflow moves on, publishing
    the course at its end) once the task's number of distinct reviewers approved."""
    ts, course, assignment = _locked_round(task_state, reviewer)
    task = ts.task.specific
    if assignment.decision == ReviewDecision.APPROVED:
        approvals = ts.review_assignments.filter(decision=ReviewDecision.APPROVED).count()
        return ReviewResult(assignment, approvals, task.approvals_required, ts.status != ts.STATUS_IN_PROGRESS, True)
    if ts.status != TaskState.STATUS_IN_PROGRESS or assignment.decision != ReviewDecision.PENDING:
        raise ReviewError(_("This review round is closed: there is nothing left to approve."))
    items = checklist_for(course)
    ticked = {int(i) for i in checklist if str(i).lstrip("-").isdigit()}
    if ticked != set(range(len(items))):
        raise ReviewError(_("Tick every item of the review checklist before approving."))
    now = timezone.now()
    assignment.decision = ReviewDecision.APPROVED
    assignment.completed_at = now
    assignment.comment = comment.strip()
    assignment.checklist = [items[i] for i in sorted(ticked)]
    assignment.save(update_fields=["decision", "completed_at", "comment", "checklist"])
    record_review(assignment=assignment, course=course)
    approvals = ts.review_assignments.filter(decision=ReviewDecision.APPROVED).count()
    closed = approvals >= task.approvals_required
    if closed:
        ts.review_assignments.filter(decision=ReviewDecision.PENDING).update(
            decision=ReviewDecision.CLOSED, completed_at=now
        )
        # Approve what the reviewers saw last: a reviewer's comment saves a newer revision.
        latest = course.get_latest_revision()
        if latest and ts.revision_id != latest.pk:
            ts.revision = latest
            ts.save(update_fields=["revision"])
        ts.specific.approve(user=reviewer, update=False, comment=_("Approved by %(n)d reviewers.") % {"n": approvals})
        # The workflow (not the reviewer, who may not hold Wagtail's publish permission) moves the
        # course on: to L&D sign-off, or to publication when peer review is the last step.
        ts.workflow_state.refresh_from_db()
        ts.workflow_state.update(user=None)
    transaction.on_commit(
        lambda: notify_authors(
            course=course, kind="review.approved",
            title=lambda: _("%(name)s approved “%(course)s” (%(n)d of %(total)d)")
            % {"name": reviewer.display_name, "course": course.title, "n": approvals, "total": task.approvals_required},
            body=assignment.comment, url=_review_url_for_course(course), key=f"review.approved:{assignment.pk}",
        )
    )
    _after_decision(assignment, course)
    return ReviewResult(assignment, approvals, task.approvals_required, closed)


@transaction.atomic
def request_changes(*, task_state, reviewer, comment) -> ReviewResult:
    """Send the course back to its authors. The round ends; approvals start again from zero
    when they resubmit, and the whole history stays on the workflow."""
    comment = (comment or "").strip()
    if not comment:
        raise ReviewError(_("Say what the author should change."))
    ts, course, assignment = _locked_round(task_state, reviewer)
    task = ts.task.specific
    if assignment.decision == ReviewDecision.CHANGES_REQUESTED and ts.status == TaskState.STATUS_REJECTED:
        return ReviewResult(assignment, 0, task.approvals_required, True, True)
    if ts.status != TaskState.STATUS_IN_PROGRESS or assignment.decision != ReviewDecision.PENDING:
        raise ReviewError(_("This review round is closed."))
    now = timezone.now()
    assignment.decision = ReviewDecision.CHANGES_REQUESTED
    assignment.completed_at = now
    assignment.comment = comment
    assignment.save(update_fields=["decision", "completed_at", "comment"])
    record_review(assignment=assignment, course=course)
    ts.review_assignments.filter(decision=ReviewDecision.PENDING).update(decision=ReviewDecision.CLOSED, completed_at=now)
    ts.specific.reject(user=reviewer, comment=comment)
    transaction.on_commit(
        lambda: notify_authors(
            course=course, kind="review.changes_requested",
            title=lambda: _("%(name)s asked for changes to “%(course)s”") % {"name": reviewer.display_name, "course": course.title},
            body=comment, url=_edit_url(course), key=f"review.changes:{assignment.pk}",
        )
    )
    _after_decision(assignment, course)
    return ReviewResult(assignment, 0, task.approvals_required, True)


def _edit_url(course):
    return reverse("wagtailadmin_pages:edit", args=[course.pk])


def _assign_by_hand(*, task_state, course, reviewer, by) -> ReviewAssignment:
    """An L&D admin puts `reviewer` on a round: never an author, always an expert or reviewer."""
    if reviewer.pk in course_people_excluded_from_review(course=course, workflow_state=task_state.workflow_state):
        raise ReviewError(_("%(name)s authors this course and cannot review it.") % {"name": reviewer.display_name})
    if not reviewer.has_role(Role.EXPERT, Role.REVIEWER):
        raise ReviewError(_("%(name)s is neither an expert nor a reviewer.") % {"name": reviewer.display_name})
    now = timezone.now()
    try:
        with transaction.atomic():
            assignment = ReviewAssignment.objects.create(
                task_state=task_state, reviewer=reviewer, course=course, assigned_at=now, assigned_by=by,
                due_at=_due_at(task_state.task.specific, now),
            )
    except IntegrityError as exc:
        raise ReviewError(_("%(name)s already reviews this round.") % {"name": reviewer.display_name}) from exc
    _notify_assigned(assignment)
    return assignment


@transaction.atomic
def reassign(*, assignment, new_reviewer, by) -> ReviewAssignment:
    """An L&D admin (or superuser) hands a pending review to someone else."""
    if not by.has_role(Role.LD_ADMIN):
        raise ReviewError(_("Only L&D admins can reassign reviews."))
    ts = TaskState.objects.select_for_update().get(pk=assignment.task_state_id)
    assignment = ReviewAssignment.objects.select_for_update().get(pk=assignment.pk)
    if ts.status != TaskState.STATUS_IN_PROGRESS or assignment.decision != ReviewDecision.PENDING:
        raise ReviewError(_("Only a review that is still waiting can be reassigned."))
    new = _assign_by_hand(task_state=ts, course=assignment.course, reviewer=new_reviewer, by=by)
    assignment.decision = ReviewDecision.REASSIGNED
    assignment.completed_at = new.assigned_at
    assignment.save(update_fields=["decision", "completed_at"])
    return new


@transaction.atomic
def add_reviewer(*, task_state, reviewer, by) -> ReviewAssignment:
    """An L&D admin adds a reviewer to a round that is short of them."""
    if not by.has_role(Role.LD_ADMIN):
        raise ReviewError(_("Only L&D admins can assign reviewers."))
    ts = TaskState.objects.select_for_update().get(pk=task_state.pk)
    if ts.status != TaskState.STATUS_IN_PROGRESS:
        raise ReviewError(_("This review round is closed."))
    return _assign_by_hand(task_state=ts, course=course_of(ts), reviewer=reviewer, by=by)


def ensure_peer_review_task(*, name=None) -> PeerReviewTask:
    task = PeerReviewTask.objects.order_by("pk").first()
    if task is None:
        task = PeerReviewTask.objects.create(
            name=name or _("Peer review"), approvals_required=conf.approvals_required(), review_days=conf.review_days()
        )
    return task

"""Peer review as a step of a Wagtail workflow.

`PeerReviewTask` is a Wagtail `Task`: Wagtail keeps the workflow, its task states, the
history, the locking and the admin screens. This app only adds who reviews each task state
(`ReviewAssignment`: one row per reviewer, with a due date and a decision) and the rule that
a task state is approved once N distinct assigned reviewers approved it."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState

from . import conf
from .actions import workflow_action
from .forms import ApproveForm, RequestChangesForm


class ReviewDecision(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    CHANGES_REQUESTED = "changes", _("Changes requested")
    # The round ended before this reviewer decided (someone requested changes, or enough approved).
    CLOSED = "closed", _("Closed without decision")
    REASSIGNED = "reassigned", _("Reassigned")


class PeerReviewTask(Task):
    """Approved when `approvals_required` distinct reviewers, none of them an author, approve.

    Reviewers are assigned as a round starts (receivers.py, on Wagtail's `task_submitted`)."""

    approvals_required = models.PositiveSmallIntegerField(
        _("approvals needed"), default=2, validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("How many different reviewers must approve before the course moves on."),
    )
    review_days = models.PositiveSmallIntegerField(
        _("days to review"), default=5, validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text=_("Each reviewer's due date is this many days after they are assigned."),
    )

    admin_form_fields = Task.admin_form_fields + ["approvals_required", "review_days"]

    class Meta:
        verbose_name = _("peer review task")
        verbose_name_plural = _("peer review tasks")

    @classmethod
    def get_description(cls):
        return _("Experts who share a skill with the course review it; it moves on after N distinct approvals.")

    def _open_assignment(self, obj, user):
        """The user's pending assignment on the object's current task state (cached per request on the user)."""
        if not user.is_authenticated:
            return None
        cache = user.__dict__.setdefault("_peer_review_assignments", {})
        key = (self.pk, obj.pk)
        if key not in cache:
            cache[key] = (
                ReviewAssignment.objects.filter(
                    task_state__task=self,
                    task_state__status=TaskState.STATUS_IN_PROGRESS,
                    task_state__workflow_state__object_id=str(obj.pk),
                    reviewer=user,
                    decision=ReviewDecision.PENDING,
                )
                .select_related("task_state")
                .first()
            )
        return cache[key]

    def user_can_access_editor(self, obj, user):
        return self._open_assignment(obj, user) is not None

    def locked_for_user(self, obj, user):
        # Authors wait while the course is in review; assigned reviewers may leave comments.
        return not (user.is_superuser or self._open_assignment(obj, user) is not None)

    def get_actions(self, obj, user):
        if self._open_assignment(obj, user) is None:
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve"), True),
        ]

    def get_form_for_action(self, action):
        return ApproveForm if action == "approve" else RequestChangesForm

    def get_template_for_action(self, action):
        return "review/admin/workflow_action_modal.html"

    def on_action(self, task_state, user, action_name, **kwargs):
        # receivers.py answers (see actions.py); without it a reviewer's decision would be lost silently.
        if not workflow_action.has_listeners(PeerReviewTask):
            raise ImproperlyConfigured("governance.review.receivers is not loaded")
        workflow_action.send(sender=PeerReviewTask, task_state=task_state, user=user, action_name=action_name, data=kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return TaskState.objects.filter(
            task=self, status=TaskState.STATUS_IN_PROGRESS,
            review_assignments__reviewer=user, review_assignments__decision=ReviewDecision.PENDING,
        )

    def sla_days(self):
        return self.review_days or conf.review_days()


class ReviewAssignment(models.Model):
    """One reviewer asked to review one task state (one round) of a course, by a due date."""

    task_state = models.ForeignKey(TaskState, on_delete=models.CASCADE, related_name="review_assignments")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_assignments")
    # The course page id, denormalised so that queues and loads never join through the workflow.
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="review_assignments")
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_at = models.DateTimeField(_("due"))
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    decision = models.CharField(_("decision"), max_length=20, choices=ReviewDecision.choices, default=ReviewDecision.PENDING)
    comment = models.TextField(_("comment"), blank=True, max_length=5000)
    checklist = models.JSONField(_("checklist ticked"), default=list, blank=True)
    # For the automation's reminders: when the last reminder went out (claim-then-send).
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        ordering = ["assigned_at", "id"]
        constraints = [
            # A reviewer is counted once per round, whatever they click and however fast.
            models.UniqueConstraint(fields=["task_state", "reviewer"], name="one_assignment_per_reviewer_and_round"),
            models.CheckConstraint(
                condition=models.Q(decision="pending", completed_at__isnull=True)
                | (~models.Q(decision="pending") & models.Q(completed_at__isnull=False)),
                name="decided_assignments_are_completed",
            ),
        ]
        indexes = [
            models.Index(fields=["reviewer", "decision", "due_at"], name="assignment_reviewer_open"),
            models.Index(fields=["decision", "due_at"], name="assignment_due"),
        ]

    def __str__(self):
        return f"{self.reviewer} → {self.course_id} ({self.decision})"

    @property
    def is_overdue(self):
        return self.decision == ReviewDecision.PENDING and self.due_at < timezone.now()


class SuggestedReviewer(models.Model):
    """A reviewer the authors would like for their course: asked first when a round starts, if
    they are still eligible (`services.assign_reviewers`)."""

    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="suggested_reviewers")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    suggested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("suggested reviewer")
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["course", "reviewer"], name="one_suggestion_per_course_and_reviewer")]

    def __str__(self):
        return f"{self.reviewer_id} suggested for {self.course_id}"


class BlockComment(models.Model):
    """A reviewer's comment on one block of one lesson, made in one review round.

    Wagtail's own comments live in its page editor, which reviewers may not open on lessons (the
    lessons wait, read-only, with their course); so the review page, which shows each block as
    the learner will see it, anchors comments here by lesson and StreamField block id. The
    authors resolve them; resolved comments stay, with who resolved them, in the round's history."""

    task_state = models.ForeignKey(TaskState, on_delete=models.CASCADE, related_name="block_comments")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="+")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="review_comments")
    block_id = models.CharField(_("block"), max_length=64)
    # What the block was when the comment was made: the block may be edited or removed since.
    block_type = models.CharField(max_length=50, blank=True)
    block_number = models.PositiveSmallIntegerField(default=1)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("comment on a lesson block")
        verbose_name_plural = _("comments on lesson blocks")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["course", "resolved_at"], name="block_comment_course_open")]

    def __str__(self):
        return f"{self.author_id} on {self.lesson_id}/{self.block_id}"

    @property
    def is_resolved(self):
        return self.resolved_at is not None

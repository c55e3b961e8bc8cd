"""Learning needs anyone can post, with their votes, comments, expert volunteers and triage history."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from governance.models.roadmap import BusinessGoal


class Urgency(models.IntegerChoices):
    LOW = 1, _("Low: within a year")
    MEDIUM = 2, _("Medium: this half-year")
    HIGH = 3, _("High: this quarter")
    CRITICAL = 4, _("Critical: blocking work now")


class NeedStatus(models.TextChoices):
    NEW = "new", _("New")
    EXPLORING = "exploring", _("Exploring")
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    ALREADY_EXISTS = "already_exists", _("Already exists")
    DECLINED = "declined", _("Declined")


OPEN_NEED_STATUSES = (NeedStatus.NEW, NeedStatus.EXPLORING, NeedStatus.PLANNED, NeedStatus.IN_PROGRESS)


class LearningNeed(models.Model):
    title = models.CharField(_("what do people need to learn?"), max_length=200)
    # Lower-case words without punctuation or filler: what duplicate detection compares.
    normalised_title = models.CharField(max_length=200, db_index=True, editable=False)
    description = models.TextField(_("details"), max_length=4000, blank=True)
    why = models.TextField(_("why does it matter?"), max_length=2000)
    goal = models.ForeignKey(BusinessGoal, null=True, blank=True, on_delete=models.SET_NULL, related_name="needs",
                             verbose_name=_("business goal it serves"))
    team = models.ForeignKey("people.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="learning_needs",
                             verbose_name=_("team"))
    skill = models.ForeignKey("skills.Skill", null=True, blank=True, on_delete=models.SET_NULL, related_name="learning_needs",
                              verbose_name=_("skill"))
    urgency = models.PositiveSmallIntegerField(_("urgency"), choices=Urgency.choices, default=Urgency.MEDIUM)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_needs")
    status = models.CharField(_("status"), max_length=20, choices=NeedStatus.choices, default=NeedStatus.NEW)
    status_note = models.TextField(_("note"), max_length=2000, blank=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    course = models.ForeignKey("courses.CoursePage", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="answered_needs", verbose_name=_("course that answers it"))
    vote_count = models.PositiveIntegerField(default=0)
    comment_count = models.PositiveIntegerField(default=0)
    # Set once, when the need is done with a course linked; guards the need_fulfilled signal.
    fulfilled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("learning need")
        verbose_name_plural = _("learning needs")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "-created_at"], name="need_status_recent")]
        constraints = [
            models.CheckConstraint(condition=models.Q(urgency__gte=1, urgency__lte=4), name="need_urgency_1_to_4"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_open(self):
        return self.status in OPEN_NEED_STATUSES


class NeedVote(models.Model):
    need = models.ForeignKey(LearningNeed, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="need_votes")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["need", "voter"], name="one_vote_per_person_and_need")]

    def __str__(self):
        return f"{self.voter_id} → {self.need_id}"


class NeedComment(models.Model):
    need = models.ForeignKey(LearningNeed, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="need_comments")
    body = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return self.body[:60]


class NeedVolunteer(models.Model):
    """An expert offering to author the course that would answer a need."""

    need = models.ForeignKey(LearningNeed, on_delete=models.CASCADE, related_name="volunteers")
    expert = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="need_volunteering")
    note = models.CharField(_("what you could bring"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["need", "expert"], name="one_volunteering_per_expert_and_need")]

    def __str__(self):
        return f"{self.expert_id} → {self.need_id}"


class NeedStatusChange(models.Model):
    """The triage history of a need: every status with the note L&D gave."""

    need = models.ForeignKey(LearningNeed, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(_("status"), max_length=20, choices=NeedStatus.choices)
    note = models.TextField(_("note"), max_length=2000)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self):
        return f"{self.need_id}: {self.status}"

"""Governance: learning needs, mission and roadmap, committees, KPIs, maturity assessments,
and the daily rollups the dashboards read instead of the raw learning-event log."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# --- Mission, goals, roadmap ---------------------------------------------------------------------


class Pillar(models.TextChoices):
    TALENT = "talent", _("Talent and culture")
    PERFORMANCE = "performance", _("Business performance today and tomorrow")
    PRODUCTIVITY = "productivity", _("L&D productivity")


class Mission(models.Model):
    """The L&D mission statement. The newest row is the current mission; older rows are its history."""

    statement = models.TextField(_("mission statement"), max_length=2000)
    talent = models.TextField(_("talent and culture"), max_length=2000, blank=True)
    performance = models.TextField(_("business performance today and tomorrow"), max_length=2000, blank=True)
    productivity = models.TextField(_("L&D productivity"), max_length=2000, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("mission")
        ordering = ["-updated_at", "-id"]

    def __str__(self):
        return self.statement[:60]

    def pillars(self):
        return [(Pillar.TALENT.label, self.talent), (Pillar.PERFORMANCE.label, self.performance),
                (Pillar.PRODUCTIVITY.label, self.productivity)]


class BusinessGoal(models.Model):
    title = models.CharField(_("title"), max_length=200, unique=True)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    pillar = models.CharField(_("pillar"), max_length=20, choices=Pillar.choices, default=Pillar.PERFORMANCE)
    # How much the business cares, 1-5; feeds the needs priority score.
    weight = models.PositiveSmallIntegerField(_("weight"), default=3, validators=[MinValueValidator(1), MaxValueValidator(5)],
                                              help_text=_("1 (nice to have) to 5 (critical this year)."))
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                              verbose_name=_("owner"))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("business goal")
        verbose_name_plural = _("business goals")
        ordering = ["-weight", "title"]
        constraints = [models.CheckConstraint(condition=models.Q(weight__gte=1, weight__lte=5), name="goal_weight_1_to_5")]

    def __str__(self):
        return self.title


class InitiativeStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    ON_HOLD = "on_hold", _("On hold")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Initiative(models.Model):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    pillar = models.CharField(_("pillar"), max_length=20, choices=Pillar.choices)
    goal = models.ForeignKey(BusinessGoal, null=True, blank=True, on_delete=models.SET_NULL, related_name="initiatives",
                             verbose_name=_("business goal"))
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="owned_initiatives", verbose_name=_("owner"))
    budget_planned = models.DecimalField(_("budget planned"), max_digits=12, decimal_places=2, default=0)
    budget_spent = models.DecimalField(_("budget spent"), max_digits=12, decimal_places=2, default=0)
    status = models.CharField(_("status"), max_length=20, choices=InitiativeStatus.choices, default=InitiativeStatus.PLANNED)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    courses = models.ManyToManyField("courses.CoursePage", blank=True, related_name="initiatives", verbose_name=_("courses"))
    paths = models.ManyToManyField("courses.LearningPathPage", blank=True, related_name="initiatives",
                                   verbose_name=_("learning paths"))
    needs = models.ManyToManyField("LearningNeed", blank=True, related_name="initiatives", verbose_name=_("learning needs"))
    kpis = models.ManyToManyField("KPIDefinition", blank=True, related_name="initiatives",
                                  verbose_name=_("KPIs it should move"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["starts_on", "title"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="initiative_ends_after_start"),
            models.CheckConstraint(condition=models.Q(budget_planned__gte=0, budget_spent__gte=0),
                                   name="initiative_budget_not_negative"),
        ]

    def __str__(self):
        return self.title

    @property
    def over_budget(self):
        return self.budget_spent > self.budget_planned


# --- Learning needs ---------------------------------------------------------------------------------


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


# --- Committees ------------------------------------------------------------------------------------


class CommitteeKind(models.TextChoices):
    GOVERNANCE_BOARD = "governance_board", _("Governance Board")
    EXECUTIVE = "executive", _("Executive L&D Committee")
    STEERING = "steering", _("L&D Steering Committee")
    LEARNER_ADVISORY = "learner_advisory", _("Learner Advisory Committee")


# Committees whose meetings count as time with leadership (maturity: executive alignment).
LEADERSHIP_COMMITTEES = (CommitteeKind.GOVERNANCE_BOARD, CommitteeKind.EXECUTIVE)


class Cadence(models.TextChoices):
    WEEKLY = "weekly", _("Weekly")
    FORTNIGHTLY = "fortnightly", _("Every two weeks")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    TWICE_A_YEAR = "twice_a_year", _("Twice a year")


class Committee(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=CommitteeKind.choices)
    name = models.CharField(_("name"), max_length=150, unique=True)
    purpose = models.TextField(_("purpose"), max_length=2000, blank=True)
    cadence = models.CharField(_("cadence"), max_length=20, choices=Cadence.choices, default=Cadence.MONTHLY)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="committees", verbose_name=_("members"))
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                              verbose_name=_("chair"))

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name


class Meeting(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("date"))
    agenda = models.TextField(_("agenda"), max_length=4000)
    minutes = models.TextField(_("notes"), max_length=8000, blank=True)

    class Meta:
        verbose_name = _("meeting")
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"{self.committee} · {self.held_on:%Y-%m-%d}"


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"), max_length=2000)
    initiative = models.ForeignKey(Initiative, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions",
                                   verbose_name=_("initiative concerned"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:60]


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class ActionItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="governance_actions",
                              verbose_name=_("owner"))
    due_on = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["status", "due_on"], name="action_status_due")]

    def __str__(self):
        return self.title

    @property
    def is_overdue(self):
        return self.status == ActionStatus.OPEN and self.due_on < timezone.localdate()


# --- KPIs -------------------------------------------------------------------------------------------


class KPITier(models.TextChoices):
    """The kinds of metric, from the cheapest to track to the most telling (maturity: metrics)."""

    SPEND = "spend", _("Spend")
    ENGAGEMENT = "engagement", _("Engagement")
    RELEVANCE = "relevance", _("Relevance")
    BUSINESS = "business", _("Business impact")
    READINESS = "readiness", _("Readiness")


class KPIDefinition(models.Model):
    slug = models.SlugField(_("key"), max_length=80, unique=True,
                            help_text=_("The name used in CSV imports, e.g. sales-cycle-days."))
    name = models.CharField(_("name"), max_length=150)
    tier = models.CharField(_("tier"), max_length=20, choices=KPITier.choices)
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    description = models.TextField(_("definition"), max_length=2000, blank=True)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2, null=True, blank=True)
    higher_is_better = models.BooleanField(_("higher is better"), default=True)

    class Meta:
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")
        ordering = ["tier", "name"]

    def __str__(self):
        return self.name


class KPIValue(models.Model):
    """One point of a KPI series, for the whole organisation (team empty) or one team."""

    kpi = models.ForeignKey(KPIDefinition, on_delete=models.CASCADE, related_name="values")
    team = models.ForeignKey("people.Team", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["kpi", "team", "date"], nulls_distinct=False, name="one_kpi_value_per_team_and_date"),
        ]

    def __str__(self):
        return f"{self.kpi_id} {self.date}: {self.value}"


# --- Maturity assessment ----------------------------------------------------------------------------


class MaturityAssessment(models.Model):
    assessed_on = models.DateField(_("date"), default=timezone.localdate)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    notes = models.TextField(_("notes"), max_length=4000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("maturity assessment")
        ordering = ["-assessed_on", "-id"]

    def __str__(self):
        return f"{self.assessed_on}"


class MaturityRating(models.Model):
    assessment = models.ForeignKey(MaturityAssessment, on_delete=models.CASCADE, related_name="ratings")
    dimension = models.CharField(_("dimension"), max_length=30)
    level = models.PositiveSmallIntegerField(_("level"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    next_step = models.TextField(_("next step"), max_length=1000, blank=True)
    # What the platform measured when the rating was given, kept so history stays honest.
    evidence = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "dimension"], name="one_rating_per_dimension"),
            models.CheckConstraint(condition=models.Q(level__gte=1, level__lte=5), name="maturity_level_1_to_5"),
        ]

    def __str__(self):
        return f"{self.dimension}: {self.level}"


# --- Rollups of the learning-event log ---------------------------------------------------------------


class DailyActivity(models.Model):
    """Events per day, team and verb. team_id 0 means "no team"; ALL_TEAMS rows hold the whole
    organisation's totals, so the unfiltered dashboard reads a few rows a day instead of one per team."""

    ALL_TEAMS = -1

    day = models.DateField()
    team_id = models.BigIntegerField(default=0)
    verb = models.CharField(max_length=20)
    events = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["team_id", "day", "verb"], name="daily_activity_team_day_verb")]

    def __str__(self):
        return f"{self.day} {self.verb}: {self.events}"


class PersonActivity(models.Model):
    """When each person last learned, authored and reviewed: one row per person, so "active in the
    last N days" is a count over people, not a distinct count over their events."""

    actor_id = models.BigIntegerField(primary_key=True)
    team_id = models.BigIntegerField(default=0, help_text="The team on the person's latest event.")
    last_learned = models.DateField(null=True)
    last_authored = models.DateField(null=True)
    last_reviewed = models.DateField(null=True)

    def __str__(self):
        return f"{self.actor_id}: {self.last_learned}"


class ActivePeople(models.Model):
    """How many people of a team were active (learning, authoring, reviewing) in each dashboard period,
    counted from PersonActivity after every fold, so the dashboard sums a row per team, not people."""

    period_days = models.PositiveSmallIntegerField()
    team_id = models.BigIntegerField(default=0)
    learners = models.PositiveIntegerField(default=0)
    authors = models.PositiveIntegerField(default=0)
    reviewers = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["period_days", "team_id"], name="active_people_key")]

    def __str__(self):
        return f"{self.period_days}d team {self.team_id}: {self.learners} learners"


class EnrolmentSummary(models.Model):
    """Enrolment figures per dashboard period, team and source, recomputed by a Celery task.

    Completions and overdue states change long after enrolment, so this is a periodic snapshot,
    not a fold; it is small (periods x teams x sources rows) and the dashboard sums a handful of them."""

    period_days = models.PositiveSmallIntegerField()
    team_id = models.BigIntegerField(default=0)
    source = models.CharField(max_length=20)
    enrolments = models.PositiveIntegerField(default=0)
    completed = models.PositiveIntegerField(default=0)
    completion_seconds = models.FloatField(default=0)
    learning_minutes = models.PositiveBigIntegerField(default=0)
    overdue = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["period_days", "team_id", "source"], name="enrolment_summary_key")]

    def __str__(self):
        return f"{self.period_days}d team {self.team_id} {self.source}: {self.enrolments}"


class CatalogueFigures(models.Model):
    """The live catalogue's SME figures (one row, replaced with the enrolment summary): they change
    only when a course is published or unpublished, and counting them per view costs more than the
    rest of the dashboard's reads."""

    live_courses = models.PositiveIntegerField(default=0)
    internal_courses = models.PositiveIntegerField(default=0, help_text="Live courses with an internal author.")
    authors = models.PositiveIntegerField(default=0, help_text="Distinct authors of live courses.")

    def __str__(self):
        return f"{self.live_courses} live courses"


class RollupState(models.Model):
    """The high-water mark of a fold (the last LearningEvent.id folded), or for a snapshot just when
    it was last refreshed (updated_at)."""

    name = models.CharField(max_length=40, primary_key=True)
    last_event_id = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.name}: {self.last_event_id}"

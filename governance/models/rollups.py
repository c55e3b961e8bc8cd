"""Rollups of the learning-event log and periodic summaries: what the dashboards read instead of
the raw event log and enrolments."""

from django.db import models


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


class PersonDay(models.Model):
    """The days each person was active: one row per person and day with activity, marking what they
    did (learned, authored, reviewed) and their team that day. The history behind ActivePeople: any
    window (this period, the one before it) is a count of distinct people over these rows."""

    actor_id = models.BigIntegerField()
    day = models.DateField()
    team_id = models.BigIntegerField(default=0, help_text="The team on the person's latest event that day.")
    learned = models.BooleanField(default=False)
    authored = models.BooleanField(default=False)
    reviewed = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["actor_id", "day"], name="person_day_key")]
        indexes = [models.Index(fields=["day", "actor_id"], name="person_day_day")]

    def __str__(self):
        return f"{self.actor_id} on {self.day}"


class ActivePeople(models.Model):
    """How many people of a team were active (learning, authoring, reviewing) between two dates, counted
    from PersonDay for every window the dashboards read (each period and the one before it), so the
    dashboard sums a row per team, not people. Only people whose account is active are counted, as in
    the headcount they are compared with; a person counts in the team of their last active day in the
    window."""

    starts_on = models.DateField()
    ends_on = models.DateField()
    team_id = models.BigIntegerField(default=0)
    learners = models.PositiveIntegerField(default=0)
    authors = models.PositiveIntegerField(default=0)
    reviewers = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["starts_on", "ends_on", "team_id"], name="active_people_window")]

    def __str__(self):
        return f"{self.starts_on}..{self.ends_on} team {self.team_id}: {self.learners} learners"


class EnrolmentSummary(models.Model):
    """Enrolment figures per window (each dashboard period and the one before it), team and source,
    recomputed by a Celery task.

    Completions and overdue states change long after enrolment, so this is a periodic snapshot,
    not a fold; it is small (periods x teams x sources rows) and the dashboard sums a handful of them."""

    starts_on = models.DateField()
    ends_on = models.DateField()
    team_id = models.BigIntegerField(default=0)
    source = models.CharField(max_length=20)
    enrolments = models.PositiveIntegerField(default=0)
    completed = models.PositiveIntegerField(default=0)
    completion_seconds = models.FloatField(default=0)
    learning_minutes = models.PositiveBigIntegerField(default=0)
    overdue = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["starts_on", "ends_on", "team_id", "source"],
                                               name="enrolment_summary_window")]

    def __str__(self):
        return f"{self.starts_on}..{self.ends_on} team {self.team_id} {self.source}: {self.enrolments}"


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

    LEARNING_EVENTS = "learning-events"  # the fold of the event log
    ENROLMENT_SUMMARY = "enrolment-summary"
    ACTIVE_PEOPLE = "active-people"

    name = models.CharField(max_length=40, primary_key=True)
    last_event_id = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.name}: {self.last_event_id}"

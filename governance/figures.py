"""Every figure the dashboard, the executive summary, the exports and the API show: its key, its label,
how it is written (its kind) and what it counts. Written once here; the selectors compute them
(governance.selectors.dashboard.dashboard) and governance.formatting writes them.

A KPI can take its values from one of these figures instead of hand-entered values (KPI_SOURCES)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

COUNT, PCT, MONEY, HOURS, DAYS, RATIO, RATING = "count", "pct", "money", "hours", "days", "ratio", "rating"


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    kind: str
    counts: str  # what the figure counts, in words a reader of the page understands
    # A count of how things stand now (no history is kept), so it has no value for an earlier period.
    snapshot: bool = False


F = Figure
SECTIONS = (
    ("spend", _("Spend"), (
        F("budget_planned", _("Budget planned"), MONEY,
          _("Planned budget of the initiatives in scope, prorated to the days of each initiative inside the period.")),
        F("budget_spent", _("Budget spent"), MONEY,
          _("Spent budget of the initiatives in scope, prorated to the days of each initiative inside the period.")),
        F("budget_used_pct", _("Budget used (%)"), PCT, _("Budget spent as a share of budget planned.")),
        F("learning_hours", _("Learning hours"), HOURS,
          _("Estimated hours of the courses completed, of the enrolments made in the period.")),
        F("cost_per_learning_hour", _("Cost per learning hour"), MONEY,
          _("Budget spent divided by learning hours, both for the same scope and period.")),
    )),
    ("engagement", _("Engagement"), (
        F("active_learners", _("Active learners"), COUNT,
          _("Distinct people with learning activity in the period (accounts still active).")),
        F("people", _("People"), COUNT, _("Active accounts in scope (the headcount), now."), snapshot=True),
        F("active_learner_share_pct", _("Active learners (%)"), PCT,
          _("Active learners as a share of people (for an earlier period too: of today's headcount).")),
        F("enrolments", _("Enrolments"), COUNT, _("Enrolments made in the period.")),
        F("voluntary_enrolments", _("Voluntary enrolments"), COUNT, _("Enrolments people made themselves.")),
        F("assigned_enrolments", _("Assigned enrolments"), COUNT,
          _("Enrolments made by a manager, a rule or a cohort.")),
        F("rule_enrolments", _("Enrolments made by rules"), COUNT, _("Enrolments made by enrolment rules.")),
        F("completions", _("Completions"), COUNT,
          _("Courses completed in the period (the activity chart's completions, week by week).")),
        F("completion_rate_pct", _("Completion rate (%)"), PCT,
          _("Enrolments made in the period that are completed, as a share of them.")),
        F("voluntary_completion_rate_pct", _("Completion rate, voluntary (%)"), PCT,
          _("Completed voluntary enrolments as a share of voluntary enrolments.")),
        F("assigned_completion_rate_pct", _("Completion rate, assigned (%)"), PCT,
          _("Completed assigned enrolments as a share of assigned enrolments.")),
        F("days_to_complete", _("Days to complete"), DAYS, _("Average days from enrolment to completion.")),
        F("overdue", _("Overdue enrolments"), COUNT,
          _("Enrolments made in the period, not completed, past their due date.")),
    )),
    ("relevance", _("Relevance"), (
        F("average_rating", _("Average rating (out of 5)"), RATING, _("Average stars of the ratings given in the period.")),
        F("ratings", _("Ratings"), COUNT, _("Course ratings given in the period.")),
        F("relevant_to_job_pct", _("Relevant to my job (%)"), PCT,
          _("Ratings saying the course is relevant to the job, as a share of ratings that answered.")),
        F("reactions_useful", _("“Useful” reactions"), COUNT, _("Lesson reactions of this kind in the period.")),
        F("reactions_learned", _("“I learned something” reactions"), COUNT, _("Lesson reactions of this kind in the period.")),
        F("reactions_outdated", _("“Outdated” reactions"), COUNT, _("Lesson reactions of this kind in the period.")),
        F("reactions_question", _("Questions on lessons"), COUNT, _("Lesson reactions of this kind in the period.")),
        F("skill_coverage_pct", _("Skill coverage (%)"), PCT,
          _("Skill levels people's job roles require that they hold, as a share of all required levels, now."),
          snapshot=True),
    )),
    ("sme", _("SME contribution"), (
        F("live_courses", _("Live courses"), COUNT, _("Courses published now."), snapshot=True),
        F("internally_authored_pct", _("Written by internal experts (%)"), PCT,
          _("Live courses with an internal author, as a share of live courses."), snapshot=True),
        F("authors_of_live_courses", _("Authors of live courses"), COUNT, _("Distinct authors of live courses."),
          snapshot=True),
        F("active_authors", _("Active authors"), COUNT,
          _("Distinct people who submitted or published a course in the period (accounts still active).")),
        F("active_reviewers", _("Active reviewers"), COUNT,
          _("Distinct people who completed a review in the period (accounts still active).")),
        F("reviews_done", _("Reviews done"), COUNT,
          _("Reviews assigned in the period on which the reviewer decided (approved or asked for changes).")),
        F("review_lead_time_days", _("Review lead time (days)"), DAYS,
          _("Average days from a review's assignment to the reviewer's decision.")),
        F("review_sla_breaches", _("Review SLA breaches"), COUNT,
          _("Reviews that waited past their due time: decided, closed or reassigned after it, or still open.")),
    )),
    ("conversation", _("Conversation"), (
        F("questions", _("Questions"), COUNT, _("Questions asked in course discussions in the period.")),
        F("comments", _("Comments"), COUNT, _("Comments posted in the period.")),
        F("answers", _("Answers"), COUNT, _("Answers posted in the period.")),
        F("questions_per_learner", _("Questions per active learner"), RATIO, _("Questions divided by active learners.")),
        F("comments_per_learner", _("Comments per active learner"), RATIO, _("Comments divided by active learners.")),
        F("answer_rate_pct", _("Answer rate (%)"), PCT, _("Answers as a share of questions (at most 100).")),
        F("lesson_questions_answered", _("Lesson questions answered"), COUNT,
          _("Questions asked on lessons in the period that the author answered.")),
    )),
)
del F

FIGURES = {figure.key: figure for _key, _title, figures in SECTIONS for figure in figures}

# The figures a KPI may be bound to, by key: every figure above (a KPI of the platform's own data).
KPI_SOURCES = [(key, figure.label) for key, figure in FIGURES.items()]


def same_name_as_a_figure(name):
    """The figure whose label reads like `name` ("Active learners" or "Active learners (%)"), or None."""
    wanted = _bare(name)
    return next((f for f in FIGURES.values() if _bare(str(f.label)) == wanted), None)


def _bare(text):
    return text.replace("(%)", "").replace("%", "").strip().casefold()

"""The rows behind each count on the L&D dashboard: the 12 overdue enrolments, the 40 active people.

Each DrillDown builds its rows from the same definition as the figure it explains (the selectors'
scopes and governance.selectors.definitions), so the figure on the dashboard and the number of rows
here agree. A drill-down takes the dashboard's filters (team, period) and, where they apply, a course
and an enrolment status; a value that names nothing is refused (BadFilter), never ignored."""

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.models import CoursePage, Enrolment, EnrolmentSource, EnrolmentStatus
from governance.figures import FIGURES
from governance.models.rollups import PersonDay
from governance.selectors.definitions import (
    ACTIVE_FLAGS,
    VOLUNTARY_SOURCES,
    enrolled_in,
    enrolment_overdue,
)
from governance.selectors.filters import BadFilter
from governance.selectors.ratings import ANSWERED_QUESTION, ratings_in_scope, reactions_in_scope
from governance.selectors.reviews import REVIEW_DONE, review_late, reviews_in_scope
from guild.events.models import LearningEvent, Verb
from guild.people.models import User

COURSE, STATUS = "course", "status"


@dataclass(frozen=True)
class DrillDown:
    figure: str  # the key of the figure it explains (governance.figures)
    rows: object  # callable(filters, options) -> an unordered queryset
    columns: tuple  # ((header, callable(row) -> cell), ...)
    order: tuple = ("-pk",)
    related: tuple = ()
    options: tuple = ()  # the extra filters it takes: COURSE, STATUS
    scoped: bool = True  # False: the figure is the whole catalogue now, whatever the team or period
    person: object = None  # callable(row) -> the person the row is about (its first column links to them)

    @property
    def label(self):
        return FIGURES[self.figure].label

    @property
    def counts(self):
        return FIGURES[self.figure].counts


def _day(value):
    return date_format(timezone.localtime(value), "Y-m-d") if isinstance(value, datetime) else (
        value.isoformat() if value else "")


def _person(user):
    return user.display_name if user else ""


def _team(user):
    return user.team.name if user and user.team_id else ""


# --- Row sources -------------------------------------------------------------------------------------


def _in_team(qs, filters, path):
    return qs if filters.team_ids is None else qs.filter(**{f"{path}__in": filters.team_ids})


def _enrolments(condition=None):
    def rows(filters, options):
        qs = _in_team(Enrolment.objects.filter(enrolled_in(filters.start_at, filters.end_at)), filters,
                      "learner__team_id")
        if condition is not None:
            qs = qs.filter(condition(filters))
        if options.get(COURSE):
            qs = qs.filter(course=options[COURSE])
        if options.get(STATUS):
            qs = qs.filter(status=options[STATUS])
        return qs
    return rows


def _people(filters, options):
    return _in_team(User.objects.filter(is_active=True), filters, "team_id")


def _active(kind):
    """The people ActivePeople counts for `kind` in the window (governance.services.rollups.
    count_active_people): active accounts with a day of that activity in it, in the team of their last
    active day in the window."""
    def rows(filters, options):
        days = PersonDay.objects.filter(day__gte=filters.start, day__lte=filters.end)
        doing = days.filter(**{ACTIVE_FLAGS[kind]: True})
        last_day = days.filter(actor_id=OuterRef("pk")).order_by("-day")
        qs = User.objects.filter(is_active=True, pk__in=doing.values("actor_id")).annotate(
            window_team=Subquery(last_day.values("team_id")[:1]),
            last_active=Subquery(doing.filter(actor_id=OuterRef("pk")).order_by("-day").values("day")[:1]),
        )
        return _in_team(qs, filters, "window_team")
    return rows


def _events(verb, object_type=None):
    """The events DailyActivity folds into `verb` (governance.services.rollups.fold_batch): their day is
    the UTC date of their time, their team the one they carry."""
    def rows(filters, options):
        start = datetime.combine(filters.start, time.min, tzinfo=UTC)
        end = datetime.combine(filters.end + timedelta(days=1), time.min, tzinfo=UTC)
        qs = _in_team(LearningEvent.objects.filter(verb=verb, timestamp__gte=start, timestamp__lt=end), filters,
                      "team_id")
        if object_type:
            qs = qs.filter(object_type=object_type)
        if options.get(COURSE):
            qs = qs.filter(course_id=options[COURSE].pk)
        return qs
    return rows


def _course_filtered(scope, condition=None):
    def rows(filters, options):
        qs = scope(filters)
        if condition is not None:
            qs = qs.filter(condition())
        if options.get(COURSE):
            qs = qs.filter(course=options[COURSE])
        return qs
    return rows


def _live_courses(filters, options):
    return CoursePage.objects.live()


def _live_authors(filters, options):
    return User.objects.filter(course_authorships__course__in=CoursePage.objects.live()).distinct()


# --- Columns -----------------------------------------------------------------------------------------

ENROLMENT_COLUMNS = (
    (gettext_lazy("Person"), lambda e: _person(e.learner)),
    (gettext_lazy("Email"), lambda e: e.learner.email),
    (gettext_lazy("Team"), lambda e: _team(e.learner)),
    (gettext_lazy("Course"), lambda e: e.course.title),
    (gettext_lazy("Source"), lambda e: e.get_source_display()),
    (gettext_lazy("Status"), lambda e: e.get_status_display()),
    (gettext_lazy("Enrolled"), lambda e: _day(e.enrolled_at)),
    (gettext_lazy("Due"), lambda e: _day(e.due_date)),
    (gettext_lazy("Completed"), lambda e: _day(e.completed_at)),
)
USER_COLUMNS = (
    (gettext_lazy("Person"), _person),
    (gettext_lazy("Email"), lambda u: u.email),
    (gettext_lazy("Team"), _team),
)
EVENT_COLUMNS = (
    (gettext_lazy("When"), lambda e: _day(e.timestamp)),
    (gettext_lazy("Person"), lambda e: _person(e.actor)),
    (gettext_lazy("What"), lambda e: f"{e.verb} {e.object_type} {e.object_id}"),
    (gettext_lazy("Course"), lambda e: e.course_id or ""),
)
RATING_COLUMNS = (
    (gettext_lazy("Given"), lambda r: _day(r.created_at)),
    (gettext_lazy("Person"), lambda r: _person(r.learner)),
    (gettext_lazy("Course"), lambda r: r.course.title),
    (gettext_lazy("Stars"), lambda r: r.stars),
    (gettext_lazy("Relevant to the job"), lambda r: "" if r.relevant is None else (_("yes") if r.relevant else _("no"))),
)
REACTION_COLUMNS = (
    (gettext_lazy("Given"), lambda r: _day(r.created_at)),
    (gettext_lazy("Person"), lambda r: _person(r.learner)),
    (gettext_lazy("Course"), lambda r: r.course.title),
    (gettext_lazy("Lesson"), lambda r: r.lesson.title),
    (gettext_lazy("Question"), lambda r: r.text),
    (gettext_lazy("Answer"), lambda r: r.answer),
)
REVIEW_COLUMNS = (
    (gettext_lazy("Reviewer"), lambda r: _person(r.reviewer)),
    (gettext_lazy("Course"), lambda r: r.course.title),
    (gettext_lazy("Assigned"), lambda r: _day(r.assigned_at)),
    (gettext_lazy("Due"), lambda r: _day(r.due_at)),
    (gettext_lazy("Completed"), lambda r: _day(r.completed_at)),
)


ACTIVE_COLUMNS = (
    (gettext_lazy("Person"), lambda u: _person(u)),
    (gettext_lazy("Email"), lambda u: u.email),
    (gettext_lazy("Team"), lambda u: _team(u)),
    (gettext_lazy("Last active"), lambda u: _day(u.last_active)),
)


ENROLMENT_RELATED = ("learner__team", "course")
_ENROLMENT = {"columns": ENROLMENT_COLUMNS, "related": ENROLMENT_RELATED, "options": (COURSE, STATUS),
              "order": ("-enrolled_at", "-pk"), "person": lambda e: e.learner}
_EVENT = {"columns": EVENT_COLUMNS, "related": ("actor",), "options": (COURSE,), "order": ("-timestamp", "-pk")}
_RATING = {"columns": RATING_COLUMNS, "related": ("learner", "course"), "options": (COURSE,),
           "order": ("-created_at", "-pk")}
_REACTION = {"columns": REACTION_COLUMNS, "related": ("learner", "course", "lesson"), "options": (COURSE,),
             "order": ("-created_at", "-pk")}
_REVIEW = {"columns": REVIEW_COLUMNS, "related": ("reviewer", "course"), "options": (COURSE,),
           "order": ("-assigned_at", "-pk")}


def _active_drill(figure, kind):
    return DrillDown(figure, _active(kind), ACTIVE_COLUMNS, order=("-last_active", "pk"), related=("team",),
                     person=lambda u: u)


DRILLDOWNS = {d.figure: d for d in (
    _active_drill("active_learners", "learners"),
    DrillDown("people", _people, USER_COLUMNS, order=("first_name", "last_name", "email"), related=("team",),
              person=lambda u: u),
    DrillDown("enrolments", _enrolments(), **_ENROLMENT),
    DrillDown("voluntary_enrolments", _enrolments(lambda f: Q(source__in=VOLUNTARY_SOURCES)), **_ENROLMENT),
    DrillDown("assigned_enrolments", _enrolments(lambda f: ~Q(source__in=VOLUNTARY_SOURCES)), **_ENROLMENT),
    DrillDown("rule_enrolments", _enrolments(lambda f: Q(source=EnrolmentSource.RULE)), **_ENROLMENT),
    DrillDown("overdue", _enrolments(lambda f: enrolment_overdue(f.end)), **_ENROLMENT),
    # The events the rollups fold under COURSE_COMPLETION (a course's "completed", not a lesson's).
    DrillDown("completions", _events(Verb.COMPLETED, "course"), **_EVENT),
    DrillDown("ratings", _course_filtered(ratings_in_scope), **_RATING),
    *(DrillDown(f"reactions_{kind}", _course_filtered(reactions_in_scope, lambda k=kind: Q(kind=k)), **_REACTION)
      for kind in ("useful", "learned", "outdated", "question")),
    DrillDown("lesson_questions_answered", _course_filtered(reactions_in_scope, lambda: ANSWERED_QUESTION),
              **_REACTION),
    DrillDown("live_courses", _live_courses, ((gettext_lazy("Course"), lambda c: c.title),
                                              (gettext_lazy("Published"), lambda c: _day(c.first_published_at))),
              order=("title",), scoped=False),
    DrillDown("authors_of_live_courses", _live_authors, USER_COLUMNS, order=("first_name", "last_name", "email"),
              related=("team",), scoped=False),
    _active_drill("active_authors", "authors"),
    _active_drill("active_reviewers", "reviewers"),
    DrillDown("reviews_done", _course_filtered(reviews_in_scope, lambda: REVIEW_DONE), **_REVIEW),
    DrillDown("review_sla_breaches",
              _course_filtered(reviews_in_scope, lambda: review_late(timezone.now())), **_REVIEW),
    DrillDown("questions", _events(Verb.ASKED), **_EVENT),
    DrillDown("comments", _events(Verb.COMMENTED), **_EVENT),
    DrillDown("answers", _events(Verb.ANSWERED), **_EVENT),
)}


def drilldown_for(figure):
    """The DrillDown of the figure `figure`, or None when the figure is not a count of rows."""
    return DRILLDOWNS.get(figure)


def parse_options(params, drill):
    """The course and status filters from a query string, for the drill-downs that take them. An empty
    value means "any"; a value that names no course or status raises BadFilter."""
    options = {}
    raw_course = str(params.get(COURSE) or "").strip()
    if raw_course and COURSE in drill.options:
        course = (CoursePage.objects.filter(pk=int(raw_course)).first()
                  if raw_course.isdigit() and len(raw_course) <= 18 else None)
        if course is None:
            raise BadFilter(_("No course has the id “%(value)s”: choose a course from the list.")
                            % {"value": raw_course[:40]}, status=404)
        options[COURSE] = course
    raw_status = str(params.get(STATUS) or "").strip()
    if raw_status and STATUS in drill.options:
        if raw_status not in EnrolmentStatus.values:
            raise BadFilter(_("“%(value)s” is not an enrolment status: choose %(choices)s.")
                            % {"value": raw_status[:40], "choices": ", ".join(EnrolmentStatus.values)})
        options[STATUS] = raw_status
    return options


def rows_of(drill, filters, options):
    """The drill-down's rows, ordered, with what their columns read (a fixed number of queries)."""
    return drill.rows(filters, options).select_related(*drill.related).order_by(*drill.order)


def table(drill, rows):
    """(headers, [[cell, ...], ...]) of `rows`."""
    return [str(h) for h, _cell in drill.columns], [[cell(row) for _h, cell in drill.columns] for row in rows]


def person_ids(drill, rows):
    """The id of the person each row is about (None where there is none), for links to their transcript."""
    if drill.person is None:
        return [None] * len(rows)
    return [getattr(drill.person(row), "pk", None) for row in rows]

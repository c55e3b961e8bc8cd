"""The kinds of report a person can subscribe to: who may see each, its title and page, and its file.

Each kind answers at the moment it is asked: a subscription's email checks `can_see` and builds its file
when it is sent, so someone who lost access since subscribing gets nothing."""

from dataclasses import dataclass

from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _

from courses.models import CoursePage
from governance.figures import FIGURES
from governance.permissions import READERS
from governance.reports.course_report import can_see as can_see_course
from governance.reports.course_views import course_report_file
from governance.reports.learner_views import can_see as can_see_learner
from governance.reports.learner_views import transcript_file
from governance.reports.views import export_file, parse_drilldown
from governance.selectors.filters import BadFilter
from guild.people.models import User


class ReportGone(Exception):
    """The report a subscription names no longer exists, or its filters name nothing any more."""


@dataclass(frozen=True)
class ReportKind:
    name: str
    title: object  # callable(target, params) -> str
    can_see: object  # callable(user, target) -> bool
    check: object  # callable(target, params): raises ReportGone when the report or its filters name nothing
    build_file: object  # callable(target, params, fmt) -> (content, content type, file name)
    url: object  # callable(target, params) -> the report's page, site-relative


_KINDS = {}


def register(kind):
    _KINDS[kind.name] = kind
    return kind


def get(name):
    """The report kind `name`, or None."""
    return _KINDS.get(name)


def _an_id(value):
    """A string a database id can be (digits, within a bigint)."""
    return str(value).isdigit() and len(str(value)) <= 18


def query(params):
    q = QueryDict(mutable=True)
    for key, value in (params or {}).items():
        q[key] = str(value)
    return q


# --- Drill-downs: the rows behind a dashboard count ---------------------------------------------------


def _figure_parse(target, params):
    try:
        return parse_drilldown(target, query(params))
    except (Http404, BadFilter) as exc:
        raise ReportGone(getattr(exc, "message", "")) from exc


def _figure_title(target, params):
    figure = FIGURES.get(target)
    return str(figure.label) if figure else target


def _figure_can_see(user, target):
    return user.is_active and user.has_role(*READERS)


def _figure_file(target, params, fmt):
    return export_file(*_figure_parse(target, params), fmt)


def _figure_url(target, params):
    q = query(params).urlencode()
    return reverse("governance:figure_rows", args=[target]) + (f"?{q}" if q else "")


register(ReportKind("figure", _figure_title, _figure_can_see, _figure_parse, _figure_file, _figure_url))


# --- Course reports: L&D admins and the course's authors -----------------------------------------------


def _course(target):
    course = CoursePage.objects.filter(pk=int(target)).first() if _an_id(target) else None
    if course is None:
        raise ReportGone(_("This course no longer exists."))
    return course


def _course_can_see(user, target):
    try:
        return can_see_course(user, _course(target))
    except ReportGone:
        return False


register(ReportKind(
    "course", lambda target, params: _("Course report: %(title)s") % {"title": _course(target).title},
    _course_can_see, lambda target, params: _course(target),
    lambda target, params, fmt: course_report_file(_course(target), fmt),
    lambda target, params: reverse("governance:course_report", args=[int(target)]),
))


# --- Per-learner reports (transcripts): L&D admins and the person's manager ------------------------------


def _person(target):
    person = User.objects.filter(pk=int(target)).first() if _an_id(target) else None
    if person is None:
        raise ReportGone(_("This person no longer exists."))
    return person


def _learner_can_see(user, target):
    try:
        return can_see_learner(user, _person(target))
    except ReportGone:
        return False


register(ReportKind(
    "learner", lambda target, params: _("Transcript: %(name)s") % {"name": _person(target).display_name},
    _learner_can_see, lambda target, params: _person(target),
    lambda target, params, fmt: transcript_file(_person(target), fmt),
    lambda target, params: reverse("governance:learner_report", args=[int(target)]),
))

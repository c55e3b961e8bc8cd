"""What each enrolment and activity figure counts, written once as query conditions: the rollups that
compute the dashboard's figures (governance.services.rollups) and the drill-downs that list the rows
behind them (governance.reports.drilldowns) both build their queries from these, so a figure and the
number of rows behind it cannot drift apart."""

from django.db.models import Q

from courses.models import EnrolmentSource, EnrolmentStatus

VOLUNTARY_SOURCES = (EnrolmentSource.SELF,)  # every other source is an assignment (manager, rule, cohort...)

# PersonDay's flag for each kind of active person (learners, authors, reviewers).
ACTIVE_FLAGS = {"learners": "learned", "authors": "authored", "reviewers": "reviewed"}


def enrolled_in(start_at, end_at):
    """Enrolments made in the window [start_at, end_at) (aware datetimes)."""
    return Q(enrolled_at__gte=start_at, enrolled_at__lt=end_at)


def enrolment_done():
    """A completed enrolment: it has a completion time (a withdrawn one does not count)."""
    return Q(status=EnrolmentStatus.COMPLETED, completed_at__isnull=False)


def enrolment_overdue(today):
    """Still in progress, past its due date."""
    return Q(status=EnrolmentStatus.ACTIVE, due_date__lt=today)

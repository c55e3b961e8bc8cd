"""The learning-event log's authoring and reviewing statements, which the dashboards' "active
authors" and "active reviewers" count (governance.verbs): a course submitted for review by one of its
authors (authored), a course published (published, once per author) and a review decided (reviewed)."""

from courses.permissions import course_author_ids
from guild.events.models import Verb
from guild.events.services import record_event
from guild.people.models import User


def _course_statement(*, actor, verb, course, result=None, timestamp=None):
    record_event(actor=actor, verb=verb, object_type="course", object_id=course.pk, object_name=course.title,
                 course_id=course.pk, result=result, timestamp=timestamp)

def record_review(*, assignment, course):
    """The reviewer decided (approved or asked for changes) on `course`."""
    _course_statement(actor=assignment.reviewer, verb=Verb.REVIEWED, course=course,
                      result={"decision": assignment.decision}, timestamp=assignment.completed_at)

def record_submission(*, course, user):
    """`user` submitted `course` for review: authoring, when they are one of its authors."""
    if user is not None and user.pk in course_author_ids(course):
        _course_statement(actor=user, verb=Verb.AUTHORED, course=course)

def record_publication(*, course):
    """`course` went live: each of its authors published it."""
    for author in User.objects.filter(pk__in=course_author_ids(course)):
        _course_statement(actor=author, verb=Verb.PUBLISHED, course=course)

"""The SME academy: a learning path of the courses on writing and reviewing Guild courses.

`ensure_academy()` creates it (with its two courses, from courses.demo_content.authoring) when it
is missing, and leaves an existing one as L&D edited it: `manage.py ensure_sme_academy` on a real
install, the demo step in seed_demo. Whoever becomes an expert, however the role is granted (a
confirmed nomination, the people admin, SSO group mapping, SCIM), is enrolled in it; finishing it
shows on their expert profile."""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Max

from courses.content import create_path, ensure_catalogue
from courses.models import Enrolment, EnrolmentStatus, LearningPathPage
from courses.services import LearningError, enrol_in_path
from guild.people.models import User

from . import conf

log = logging.getLogger(__name__)


def academy_path():
    """The live academy path, or None when it is not set up (or unpublished)."""
    return LearningPathPage.objects.live().filter(slug=conf.academy_slug()).first()


@transaction.atomic
def ensure_academy():
    """The academy path, created with its courses when missing. Idempotent. Returns (path, created)."""
    existing = LearningPathPage.objects.filter(slug=conf.academy_slug()).first()
    if existing is not None:
        return existing, False
    from courses.demo import (
        seed_course,  # the academy's content is product content, kept with the demo's
    )
    from courses.demo_content import authoring

    catalogue = ensure_catalogue()
    courses = [seed_course(catalogue, data) for data in (authoring.WRITING, authoring.REVIEWING)]
    path = create_path(
        catalogue=catalogue, title="SME academy", slug=conf.academy_slug(), courses=courses,
        intro=("<p>For colleagues who have just joined the expert community. Learn how we scope and write "
               "short courses, then how to review a colleague's course so that it gets better and they want "
               "to write another.</p>"),
    )
    log.info("sme: created the SME academy path %s", path.pk)
    return path, True


def enrol_new_experts(user_ids) -> int:
    """Enrol these people in the academy (each course once; existing enrolments are kept).
    Returns how many enrolments were created. Without an academy, nobody is enrolled."""
    path = academy_path()
    if path is None:
        if user_ids:
            log.info("sme: no live SME academy path %r; run manage.py ensure_sme_academy", conf.academy_slug())
        return 0
    created = 0
    for person in User.objects.filter(pk__in=list(user_ids), is_active=True):
        try:
            created += len(enrol_in_path(learner=person, path=path))
        except LearningError as exc:
            log.warning("sme: could not enrol %s in the SME academy: %s", person.pk, exc)
    return created


@dataclass
class AcademyProgress:
    path: object
    done: int
    total: int
    completed_on: object = None  # the day the last course was finished, when all are

    @property
    def finished(self):
        return self.total > 0 and self.done == self.total


def academy_progress(*, user):
    """Where `user` is in the academy, or None when they are not enrolled in it (four queries)."""
    path = academy_path()
    if path is None:
        return None
    course_ids = list(path.path_courses.values_list("course_id", flat=True))
    rows = Enrolment.objects.filter(learner=user, course_id__in=course_ids).exclude(status=EnrolmentStatus.WITHDRAWN)
    stats = rows.aggregate(enrolled=Count("id"), last=Max("completed_at"))
    if not stats["enrolled"]:
        return None
    done = rows.filter(status=EnrolmentStatus.COMPLETED).count()
    progress = AcademyProgress(path=path, done=done, total=len(course_ids))
    if progress.finished and stats["last"]:
        progress.completed_on = stats["last"].date()
    return progress

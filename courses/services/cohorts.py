from django.db import transaction

from ..models.cohorts import Cohort, CohortMembership
from ..models.enrolment import EnrolmentSource
from .enrolment import enrol


def add_to_cohort(*, cohort: Cohort, learner):
    """Add a learner to a cohort and enrol them in its course (or its path's courses)."""
    with transaction.atomic():
        membership, created = CohortMembership.objects.get_or_create(cohort=cohort, learner=learner)
        if cohort.course_id and cohort.course.live:
            enrol(learner=learner, course=cohort.course, source=EnrolmentSource.COHORT, source_id=cohort.pk,
                  due_date=cohort.ends_on)
        elif cohort.path_id:
            for pc in cohort.path.path_courses.select_related("course"):
                if pc.course.live:
                    enrol(learner=learner, course=pc.course, source=EnrolmentSource.COHORT, source_id=cohort.pk,
                          due_date=cohort.ends_on)
    return membership, created

"""A completed course puts its quiz questions on the learner's booster schedule."""

from .. import signals


def _course_completed(sender, enrolment, **kwargs):
    from .services import schedule_course  # models are loaded by the time a signal is sent

    schedule_course(enrolment=enrolment)


def connect():
    signals.course_completed.connect(_course_completed, dispatch_uid="boosters_course_completed")

"""Completing a course proposes the skill level it teaches (guild.skills.assessment)."""

import logging

from courses import signals

from .assessment import propose_from_course

logger = logging.getLogger(__name__)


def on_course_completed(sender, enrolment, **kwargs):
    try:
        _propose(enrolment)
    except Exception:  # noqa: BLE001 - the completion stands; the other listeners still run
        logger.exception("could not propose the skill levels of course %s to person %s",
                         enrolment.course_id, enrolment.learner_id)


def _propose(enrolment):
    course = enrolment.course
    if not course.skill_level_taught:
        return
    skills = list(course.skills.all())
    if skills:
        propose_from_course(person=enrolment.learner, skills=skills, level=course.skill_level_taught,
                            course_title=course.title, validated=course.skill_level_needs_no_validation)


def connect():
    signals.course_completed.connect(on_course_completed, dispatch_uid="courses.skill_levels.course_completed")

"""Continuous improvement: learner feedback that says a course is out of date flags it."""

from django.dispatch import receiver

from courses.signals import course_rated, reaction_added
from governance.review.signals import course_published


@receiver(reaction_added, dispatch_uid="sme.reaction_added")
def check_course_after_reaction(sender, reaction, **kwargs):
    from .services import flag_course_if_outdated

    flag_course_if_outdated(course_id=reaction.course_id)


@receiver(course_rated, dispatch_uid="sme.course_rated")
def check_course_after_rating(sender, rating, **kwargs):
    from .services import flag_course_if_outdated

    flag_course_if_outdated(course_id=rating.course_id)


@receiver(course_published, dispatch_uid="sme.course_published")
def clear_flag_after_review(sender, course, **kwargs):
    """A course that went through review again has been updated: clear its "needs update" flag."""
    from .services import clear_needs_update

    clear_needs_update(course_id=course.pk)

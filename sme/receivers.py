"""Continuous improvement: learner feedback that says a course is out of date flags it.
(The peer review clears the flag when the course is published again.)"""

from django.dispatch import receiver

from courses.signals import course_rated, reaction_added

from .services import flag_course_if_outdated


@receiver(reaction_added, dispatch_uid="sme.reaction_added")
def check_course_after_reaction(sender, reaction, **kwargs):
    flag_course_if_outdated(course_id=reaction.course_id)


@receiver(course_rated, dispatch_uid="sme.course_rated")
def check_course_after_rating(sender, rating, **kwargs):
    flag_course_if_outdated(course_id=rating.course_id)


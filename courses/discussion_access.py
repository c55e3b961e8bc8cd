"""Who may read and post in a discussion: the one rule that views, selectors and services call."""

from guild.people.roles import Role

from . import discussion_spaces
from .models.cohorts import CohortMembership


def can_join_cohort(*, user, cohort) -> bool:
    """A cohort's page and threads are for its members, its facilitator and L&D admins."""
    return (
        cohort.facilitator_id == user.pk
        or user.has_role(Role.LD_ADMIN)
        or CohortMembership.objects.filter(cohort=cohort, learner=user).exists()
    )


def can_take_part(*, user, thread) -> bool:
    """Course threads are open to everyone who can see the course; cohort threads to the cohort's
    people; threads in a named space to whom its owner app says. Any other thread to no one."""
    if thread.cohort_id:
        return can_join_cohort(user=user, cohort=thread.cohort)
    if thread.course_id:
        return thread.course.live
    if thread.space:
        return discussion_spaces.can_take_part(space=thread.space, user=user)
    return False

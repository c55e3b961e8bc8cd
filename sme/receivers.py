"""Continuous improvement: learner feedback that says a course is out of date flags it.
(The peer review clears the flag when the course is published again.) A question reaches the
authors at once; a new expert is enrolled in the SME academy. Each revision of a course page or lesson
records the media it uses."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver
from wagtail.models import Revision

from courses.signals import course_rated, reaction_added
from guild.people.models import User
from guild.people.roles import Role

from . import academy
from .feedback import tell_authors_of_question
from .media_scope import is_a_course_revision, record_revision_media
from .services import flag_course_if_outdated


@receiver(reaction_added, dispatch_uid="sme.reaction_added")
def check_course_after_reaction(sender, reaction, **kwargs):
    flag_course_if_outdated(course_id=reaction.course_id)
    # A question waits for a person: its authors hear now, not in the weekly digest.
    tell_authors_of_question(reaction)


@receiver(course_rated, dispatch_uid="sme.course_rated")
def check_course_after_rating(sender, rating, **kwargs):
    flag_course_if_outdated(course_id=rating.course_id)


@receiver(post_save, sender=Revision, dispatch_uid="sme.revision_media")
def remember_revision_media(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """Each revision of a course page or lesson records the media it uses: the course's authors may
    pick them (sme.media_scope). Saves that leave its content alone (publishing) change nothing."""
    if raw or (update_fields is not None and "content" not in update_fields):
        return
    if is_a_course_revision(instance):
        record_revision_media(revision=instance, replace=not created)


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="sme.expert_role_granted")
def enrol_new_experts_in_the_academy(sender, instance, action, reverse, pk_set, **kwargs):
    """Wherever the Expert role is granted (a confirmed nomination, the people admin, SSO or SCIM
    group mapping, grant_role), the new expert is enrolled in the SME academy once it commits."""
    if action != "post_add" or not pk_set:
        return
    if reverse:  # group.user_set.add(person, ...)
        if instance.name != Role.EXPERT:
            return
        user_ids = set(pk_set)
    else:  # person.groups.add(group, ...): pk_set holds only the groups newly added
        if not Group.objects.filter(pk__in=pk_set, name=Role.EXPERT).exists():
            return
        user_ids = {instance.pk}
    transaction.on_commit(lambda: academy.enrol_new_experts(user_ids))

from allauth.account.signals import user_signed_up
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.dispatch import receiver

from .roles import Role
from .services import grant_role
from .setup import ensure_ld_admin_permissions, ensure_roles


@receiver(user_signed_up)
def _every_new_person_is_a_learner(request, user, **kwargs):
    grant_role(user=user, role=Role.LEARNER)


def ensure_roles_after_migrate(sender, using="default", **kwargs):
    ensure_roles(Group, Permission, ContentType)
    ensure_ld_admin_permissions(Group, Permission, ContentType)

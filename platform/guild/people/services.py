from django.contrib.auth.models import Group
from django.db import transaction

from .models import User
from .roles import Role


@transaction.atomic
def grant_role(*, user: User, role: Role | str) -> bool:
    """Give `user` a role. Returns False when they already had it."""
    group = Group.objects.get(name=str(role))
    if user.groups.filter(pk=group.pk).exists():
        return False
    user.groups.add(group)
    user.__dict__.pop("role_names", None)
    return True

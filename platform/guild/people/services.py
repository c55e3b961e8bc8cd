from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from .models import User
from .roles import Role
from .tokens import revoke_tokens


@transaction.atomic
def grant_role(*, user: User, role: Role | str) -> bool:
    """Give `user` a role. Returns False when they already had it."""
    group = Group.objects.get(name=str(role))
    if user.groups.filter(pk=group.pk).exists():
        return False
    user.groups.add(group)
    user.__dict__.pop("role_names", None)
    return True


def end_sessions(*, user: User) -> int:
    """Sign `user` out everywhere: delete their live sessions (database sessions, Guild's engine)."""
    ended = [s.pk for s in Session.objects.filter(expire_date__gt=timezone.now()).iterator(chunk_size=500)
             if s.get_decoded().get("_auth_user_id") == str(user.pk)]
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)


@transaction.atomic
def deactivate_person(*, user: User) -> bool:
    """Offboard `user` without deleting anything: no sign-in, no sessions, no API tokens, no
    reminders (the sweeps skip inactive people); their learning history and certificates stay.
    Returns False when they were already inactive. Idempotent."""
    revoke_tokens(user=user)
    end_sessions(user=user)
    if not user.is_active:
        return False
    user.is_active = False
    user.save(update_fields=["is_active"])
    return True


def reactivate_person(*, user: User) -> bool:
    """Let a deactivated person sign in again (their old tokens stay revoked)."""
    if user.is_active:
        return False
    user.is_active = True
    user.save(update_fields=["is_active"])
    return True

"""Who changes and who reads governance data. Views check the role; every write checks it again."""

from django.core.exceptions import PermissionDenied

from guild.people.roles import Role

LD = (Role.LD_ADMIN,)  # the roles that change governance data
READERS = (Role.LD_ADMIN, Role.EXECUTIVE)  # the roles that read it


def require_ld_admin(user):
    if not (user and user.is_authenticated and user.has_role(Role.LD_ADMIN)):
        raise PermissionDenied("Only L&D admins change governance data.")

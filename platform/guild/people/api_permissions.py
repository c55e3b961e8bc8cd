from rest_framework.permissions import BasePermission

from guild.people.roles import Role

ADMIN_SCOPE_MISSING = "This token lacks the “admin” scope, which L&D admins' endpoints need."


def _role_withheld_by_the_token(user):
    """An L&D admin whose token lacks the "admin" scope: say so, rather than "only L&D admins"."""
    return Role.LD_ADMIN in getattr(user, "withheld_roles", ()) and Role.LD_ADMIN in user.role_names


class IsLDAdmin(BasePermission):
    """L&D admins (and the service accounts given that role for HR sync), with a token's "admin" scope."""

    message = "Only L&D admins can use this endpoint."

    def has_permission(self, request, view):
        user = request.user
        allowed = bool(user and user.is_authenticated and user.has_role(Role.LD_ADMIN))
        if not allowed and user.is_authenticated and _role_withheld_by_the_token(user):
            self.message = ADMIN_SCOPE_MISSING
        return allowed


class IsLDAdminOrExecutiveReadOnly(BasePermission):
    message = "Only L&D admins and executives can read this; only L&D admins can change it."

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        allowed = (user.has_role(Role.LD_ADMIN, Role.EXECUTIVE) if request.method in ("GET", "HEAD", "OPTIONS")
                   else user.has_role(Role.LD_ADMIN))
        if not allowed and _role_withheld_by_the_token(user):
            self.message = ADMIN_SCOPE_MISSING
        return allowed

from rest_framework.permissions import BasePermission

from guild.people.roles import Role


class IsLDAdmin(BasePermission):
    """L&D admins (and the service accounts given that role for HR sync)."""

    message = "Only L&D admins can use this endpoint."

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated and request.user.has_role(Role.LD_ADMIN))


class IsLDAdminOrExecutiveReadOnly(BasePermission):
    message = "Only L&D admins and executives can read this; only L&D admins can change it."

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return user.has_role(Role.LD_ADMIN, Role.EXECUTIVE)
        return user.has_role(Role.LD_ADMIN)

"""The authors' community: a discussion space of the courses app that experts, reviewers and L&D
admins share. sme registers it with courses.discussion_spaces, so this is the one rule for it."""

from django.db.models import Q

from guild.people.roles import Role

COMMUNITY_SPACE = "authors"
COMMUNITY_ROLES = (Role.EXPERT, Role.REVIEWER, Role.LD_ADMIN)


def is_community_member(user) -> bool:
    return user.is_authenticated and user.has_role(*COMMUNITY_ROLES)


def community_members():
    """The people `is_community_member` lets in, as a queryset (the @mention search looks among them)."""
    from guild.people.models import User  # inline: sme.apps imports this module before models load

    in_a_role = User.groups.through.objects.filter(group__name__in=[str(r) for r in COMMUNITY_ROLES]).values("user_id")
    return User.objects.filter(Q(pk__in=in_a_role) | Q(is_superuser=True), is_active=True)

"""The authors' community: a discussion space of the courses app that experts, reviewers and L&D
admins share. sme registers it with courses.discussion_spaces, so this is the one rule for it."""

from guild.people.roles import Role

COMMUNITY_SPACE = "authors"
COMMUNITY_ROLES = (Role.EXPERT, Role.REVIEWER, Role.LD_ADMIN)


def is_community_member(user) -> bool:
    return user.is_authenticated and user.has_role(*COMMUNITY_ROLES)

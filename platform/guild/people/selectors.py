from django.db.models import Q, QuerySet

from .models import Team, User


def teams_managed_by(*, user: User) -> QuerySet[Team]:
    """Every team `user` manages, with their sub-teams."""
    paths = list(Team.objects.filter(manager=user).values_list("path", flat=True))
    if not paths:
        return Team.objects.none()
    query = Q()
    for path in paths:
        query |= Q(path__startswith=path)
    return Team.objects.filter(query)


def direct_reports(*, manager: User) -> QuerySet[User]:
    """People in the teams `manager` manages, sub-teams included, not the manager themself."""
    return User.objects.filter(team__in=teams_managed_by(user=manager), is_active=True).exclude(pk=manager.pk)

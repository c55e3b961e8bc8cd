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


MAX_SEARCH_WORDS = 4


def search_people(*, query: str, among: QuerySet[User] | None = None, limit: int = 10) -> list[User]:
    """Active people whose name (or email) holds every word of `query`, for pickers and @mentions.
    `among` narrows the search (e.g. to the people who can take part in a discussion). One query."""
    words = (query or "").split()[:MAX_SEARCH_WORDS]
    if not words:
        return []
    people = (among if among is not None else User.objects.all()).filter(is_active=True)
    for word in words:
        word = word.lstrip("@")[:60]
        people = people.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(email__istartswith=word))
    return list(people.select_related("team").order_by("first_name", "last_name", "email")[:limit])


def person_choice(person: User) -> dict:
    """What a picker shows for a person: the name, and the team or job title to tell namesakes apart."""
    detail = " · ".join(filter(None, [person.job_title, person.team.name if person.team_id else ""]))
    return {"id": person.pk, "name": person.display_name, "detail": detail}

"""The @mention autocomplete: the people a discussion's author can mention, whether the thread
exists (a reply) or is about to be started (the "Start a discussion" form). Both ask the same
question of the same rule, `can_take_part`, so a suggestion is always someone who gets the notice."""

from django.contrib.auth import get_user_model

from guild.people.selectors import person_choice, search_people

from .. import discussion_spaces
from ..discussion_access import can_take_part
from ..models.cohorts import CohortMembership

SEARCH_LIMIT = 20  # people searched before the access rule filters them
SUGGESTIONS = 8  # what the list shows


def _people_who_may_take_part(thread):
    """A queryset narrowing the search to the thread's people, or None for everyone (course threads)."""
    if thread.cohort_id:
        cohort = thread.cohort
        ids = set(CohortMembership.objects.filter(cohort=cohort).values_list("learner_id", flat=True))
        ids.add(cohort.facilitator_id)
        return get_user_model().objects.filter(pk__in=ids)
    if thread.space:
        return discussion_spaces.members(space=thread.space)
    return None


def mention_suggestions(*, thread, user, query) -> list[dict]:
    """People whose name matches `query` who can take part in `thread` (saved or not), `user`
    excepted, as the picker shows them ({"id", "name", "detail"})."""
    people = search_people(query=(query or "")[:100], among=_people_who_may_take_part(thread), limit=SEARCH_LIMIT)
    # The final say is the access rule itself (spaces, L&D admins of a cohort, ...).
    people = [p for p in people if p.pk != user.pk and can_take_part(user=p, thread=thread)][:SUGGESTIONS]
    return [person_choice(p) for p in people]

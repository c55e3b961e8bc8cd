"""Review rounds, numbered: "Round 2" is the course's second peer-review round, counted over its
whole history (a resubmission after changes, or a later revision of the live course, each start
a new round). A round is a Wagtail TaskState of the peer-review task; the number is computed,
never stored, so cancelled or restarted workflows cannot leave two rounds with one number."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, TaskState

from .models import PeerReviewTask


def round_numbers(task_state_ids) -> dict[int, int]:
    """{task state id: its round number} for peer-review rounds and L&D sign-offs (a sign-off
    carries the number of the peer-review round it follows). Two queries whatever the count."""
    ids = [i for i in set(task_state_ids) if i]
    if not ids:
        return {}
    asked = list(TaskState.objects.filter(pk__in=ids).values("id", "started_at", "workflow_state__object_id"))
    objects = {row["workflow_state__object_id"] for row in asked}
    peer_rounds = (
        TaskState.objects.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id__in=objects, task__in=PeerReviewTask.objects.all(),
        )
        .order_by("started_at", "id")
        .values_list("id", "started_at", "workflow_state__object_id")
    )
    numbered, counts = {}, {}
    by_object = {}
    for ts_id, started, object_id in peer_rounds:
        counts[object_id] = counts.get(object_id, 0) + 1
        numbered[ts_id] = counts[object_id]
        by_object.setdefault(object_id, []).append((started, counts[object_id]))
    result = {}
    for row in asked:
        if row["id"] in numbered:
            result[row["id"]] = numbered[row["id"]]
        else:  # a later step: the number of the last peer round started before it
            earlier = [n for started, n in by_object.get(row["workflow_state__object_id"], []) if started <= row["started_at"]]
            result[row["id"]] = earlier[-1] if earlier else 1
    return result


def number_assignments(assignments):
    """Set `round_number` on each ReviewAssignment of `assignments` (a list), in two queries."""
    numbers = round_numbers([a.task_state_id for a in assignments])
    for a in assignments:
        a.round_number = numbers.get(a.task_state_id, 1)
    return assignments

from django.utils import timezone

from .models import LearningEvent, Verb


def record_event(
    *,
    actor,
    verb: Verb | str,
    object_type: str,
    object_id,
    object_name: str = "",
    course_id: int | None = None,
    result: dict | None = None,
    context: dict | None = None,
    timestamp=None,
) -> LearningEvent:
    """Append one statement to the learning-event log."""
    return LearningEvent.objects.create(
        actor=actor,
        verb=str(verb),
        object_type=object_type,
        object_id=str(object_id),
        object_name=(object_name or "")[:255],
        course_id=course_id,
        team_id=getattr(actor, "team_id", None),
        result=result or {},
        context=context or {},
        timestamp=timestamp or timezone.now(),
    )

"""Render learning events as xAPI 1.0.3 statements."""

from django.conf import settings

from .models import LearningEvent

VERB_IRIS = {
    "registered": "http://adlnet.gov/expapi/verbs/registered",
    "unregistered": "http://id.tincanapi.com/verb/unregistered",
    "experienced": "http://adlnet.gov/expapi/verbs/experienced",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "attempted": "http://adlnet.gov/expapi/verbs/attempted",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
    "reacted": "http://activitystrea.ms/schema/1.0/like",
    "rated": "http://id.tincanapi.com/verb/rated",
    "commented": "http://adlnet.gov/expapi/verbs/commented",
    "asked": "http://adlnet.gov/expapi/verbs/asked",
    "answered": "http://adlnet.gov/expapi/verbs/answered",
    "certified": "http://id.tincanapi.com/verb/earned",
    "authored": "http://activitystrea.ms/schema/1.0/author",
    "reviewed": "http://id.tincanapi.com/verb/reviewed",
    "published": "http://activitystrea.ms/schema/1.0/publish",
    "thanked": "http://id.tincanapi.com/verb/thanked",
}


def to_statement(event: LearningEvent) -> dict:
    base = settings.GUILD_BASE_URL.rstrip("/")
    statement = {
        "id": None,
        "actor": {"objectType": "Agent", "account": {"homePage": base, "name": str(event.actor_id)}},
        "verb": {"id": VERB_IRIS.get(event.verb, f"{base}/xapi/verbs/{event.verb}"), "display": {"en": event.verb}},
        "object": {
            "objectType": "Activity",
            "id": f"{base}/xapi/activities/{event.object_type}/{event.object_id}",
            "definition": {"name": {"en": event.object_name}} if event.object_name else {},
        },
        "timestamp": event.timestamp.isoformat(),
    }
    statement.pop("id")
    if event.result:
        statement["result"] = event.result
    context = dict(event.context)
    if event.course_id:
        context.setdefault("contextActivities", {})["parent"] = [
            {"id": f"{base}/xapi/activities/course/{event.course_id}"}
        ]
    if context:
        statement["context"] = context
    return statement

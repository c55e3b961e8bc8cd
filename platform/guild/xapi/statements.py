"""Learning events as xAPI 1.0.3 statements.

A statement's id is derived from the event (uuid5 of Guild's base URL and the event id), so the
same event always becomes the same statement: a retried batch is recognised by the LRS, and two
Guild sites sending to one LRS do not collide."""

import hashlib
import uuid
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth import get_user_model

from . import vocabulary
from .models import ActorFormat

# Guild's namespace for statement ids (a fixed random UUID: changing it would resend everything).
STATEMENT_NAMESPACE = uuid.UUID("6f1d6c2e-4b0a-4c57-9a43-6a1f7e0b3c59")


def statement_id(event_id) -> uuid.UUID:
    return uuid.uuid5(STATEMENT_NAMESPACE, f"{settings.GUILD_BASE_URL.rstrip('/')}/events/{event_id}")


def agent(person, actor_format: str) -> dict:
    if actor_format == ActorFormat.ACCOUNT:
        return {"objectType": "Agent",
                "account": {"homePage": settings.GUILD_BASE_URL.rstrip("/"), "name": str(person.pk)}}
    digest = hashlib.sha1(f"mailto:{person.email.strip().lower()}".encode()).hexdigest()  # noqa: S324 - xAPI's IFI
    return {"objectType": "Agent", "mbox_sha1sum": digest}


def _person_key(person, actor_format: str) -> str:
    identity = agent(person, actor_format)
    return identity.get("mbox_sha1sum") or identity["account"]["name"]


def _language_map(text: str) -> dict:
    return {settings.LANGUAGE_CODE: text}


def activity(object_type: str, object_id, name: str = "") -> dict:
    kind = vocabulary.activity_type(object_type)
    definition = {"type": kind.type_iri}
    if name:
        definition["name"] = _language_map(name)
    return {
        "objectType": "Activity",
        "id": f"{vocabulary.vocabulary_iri()}/activity/{quote(object_type, safe='')}/{quote(str(object_id), safe='')}",
        "definition": definition,
    }


def _extension(key: str) -> str:
    return f"{vocabulary.vocabulary_iri()}/extensions/{quote(key, safe='')}"


def _score(value) -> dict | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):  # Guild's quizzes score in per cent
        return {"scaled": round(value / 100, 4), "raw": value, "min": 0, "max": 100}
    if isinstance(value, dict):
        score = {k: value[k] for k in ("scaled", "raw", "min", "max")
                 if isinstance(value.get(k), int | float) and not isinstance(value.get(k), bool)}
        # xAPI 1.0.3: scaled within [-1, 1], min <= raw <= max. A value out of range is left out,
        # never sent to be refused (it would hold up the statement for good).
        if not -1 <= score.get("scaled", 0) <= 1:
            score.pop("scaled")
        if "min" in score and "max" in score and score["min"] > score["max"]:
            score.pop("min"), score.pop("max")
        if "raw" in score and not score.get("min", score["raw"]) <= score["raw"] <= score.get("max", score["raw"]):
            score.pop("raw")
        return score or None
    return None


def result(data: dict) -> dict:
    data = dict(data or {})
    out, extensions = {}, {}
    score = _score(data.pop("score", None))
    if score:
        out["score"] = score
    for key in ("success", "passed"):
        if isinstance(data.get(key), bool):
            out["success"] = data.pop(key)
    if isinstance(data.get("completion"), bool):
        out["completion"] = data.pop("completion")
    if isinstance(data.get("response"), str):
        out["response"] = data.pop("response")
    if isinstance(data.get("duration"), str):
        out["duration"] = data.pop("duration")
    for key, value in data.items():
        if value is not None:
            extensions[_extension(key)] = value
    if extensions:
        out["extensions"] = extensions
    return out


def build(event, *, actor_format: str, people: dict | None = None) -> dict:
    """The statement for one learning event. `people` maps person ids to people, for events whose
    object is a person (kudos); missing ones are fetched."""
    statement = {
        "id": str(statement_id(event.pk)),
        "actor": agent(event.actor, actor_format),
        "verb": vocabulary.verb(event.verb),
        "timestamp": event.timestamp.isoformat(),
    }
    if event.object_type == "person":
        # A person as an activity named by their identifier in the LRS's chosen format (never their name):
        # Ralph, like several LRSs, takes only activities as objects.
        people = people if people is not None else {}
        person = people.get(str(event.object_id)) or get_user_model().objects.filter(pk=event.object_id).first()
        statement["object"] = activity("person", _person_key(person, actor_format) if person else event.object_id)
    else:
        statement["object"] = activity(event.object_type, event.object_id, event.object_name)
    outcome = result(event.result)
    if outcome:
        statement["result"] = outcome
    context = {"platform": "Guild", "language": settings.LANGUAGE_CODE}
    if event.course_id and not (event.object_type == "course" and str(event.object_id) == str(event.course_id)):
        context["contextActivities"] = {"parent": [activity("course", event.course_id)]}
    extensions = {_extension(k): v for k, v in (event.context or {}).items() if v is not None}
    if extensions:
        context["extensions"] = extensions
    statement["context"] = context
    return statement


def build_many(events, *, actor_format: str) -> list[dict]:
    """Statements for several events, with the people they name fetched in one query."""
    person_ids = {e.object_id for e in events if e.object_type == "person"}
    people = {str(p.pk): p for p in get_user_model().objects.filter(pk__in=person_ids)} if person_ids else {}
    return [build(e, actor_format=actor_format, people=people) for e in events]

"""How Guild's learning events read in xAPI: verbs (ADL's where ADL has one, Guild's own IRIs
otherwise) and activity types. The platform maps its own verbs; each feature app maps the object
types it records, in its `xapi_activities.py` (docs/content.md has the whole table)."""

from dataclasses import dataclass

from django.conf import settings

from guild.events.models import Verb

ADL_VERBS = "http://adlnet.gov/expapi/verbs/"
ADL_ACTIVITIES = "http://adlnet.gov/expapi/activities/"

# Guild verbs that ADL's vocabulary names; the others get an IRI under Guild's vocabulary.
_ADL = {
    Verb.REGISTERED: "registered",
    Verb.EXPERIENCED: "experienced",
    Verb.COMPLETED: "completed",
    Verb.ATTEMPTED: "attempted",
    Verb.PASSED: "passed",
    Verb.FAILED: "failed",
    Verb.COMMENTED: "commented",
    Verb.ASKED: "asked",
    Verb.ANSWERED: "answered",
}

# English display names (xAPI's `display` is a language map; the LRS's readers are not Guild's users).
_DISPLAY = {
    Verb.REGISTERED: "registered", Verb.UNREGISTERED: "unregistered", Verb.EXPERIENCED: "experienced",
    Verb.COMPLETED: "completed", Verb.ATTEMPTED: "attempted", Verb.PASSED: "passed", Verb.FAILED: "failed",
    Verb.REACTED: "reacted", Verb.RATED: "rated", Verb.COMMENTED: "commented", Verb.ASKED: "asked",
    Verb.ANSWERED: "answered", Verb.CERTIFIED: "was certified", Verb.AUTHORED: "authored",
    Verb.REVIEWED: "reviewed", Verb.PUBLISHED: "published", Verb.THANKED: "thanked",
}


def vocabulary_iri() -> str:
    """The root of Guild's own IRIs (GUILD_XAPI_VOCABULARY; by default GUILD_BASE_URL + /xapi)."""
    base = getattr(settings, "GUILD_XAPI_VOCABULARY", "") or settings.GUILD_BASE_URL.rstrip("/") + "/xapi"
    return base.rstrip("/")


def verb_iri(verb: str) -> str:
    return ADL_VERBS + _ADL[verb] if verb in _ADL else f"{vocabulary_iri()}/verbs/{verb}"


def verb(verb: str) -> dict:
    return {"id": verb_iri(verb), "display": {"en-US": _DISPLAY.get(verb, verb)}}


@dataclass(frozen=True)
class ActivityType:
    object_type: str
    iri: str  # a full IRI, or a bare name for Guild's own vocabulary
    name: str  # English, for docs/content.md and the activity's `definition.name` fallback

    @property
    def type_iri(self) -> str:
        return self.iri if ":" in self.iri else f"{vocabulary_iri()}/activities/{self.iri}"


_ACTIVITY_TYPES: dict[str, ActivityType] = {}


def register_activity(object_type: str, *, iri: str, name: str) -> ActivityType:
    """Called by feature apps: events about `object_type` become activities of type `iri`."""
    activity = ActivityType(object_type=object_type, iri=iri, name=name)
    _ACTIVITY_TYPES[object_type] = activity
    return activity


def activity_type(object_type: str) -> ActivityType:
    return _ACTIVITY_TYPES.get(object_type) or ActivityType(object_type=object_type, iri=object_type, name=object_type)


def activity_types() -> list[ActivityType]:
    return sorted(_ACTIVITY_TYPES.values(), key=lambda a: a.object_type)


def adl_activity(name: str) -> str:
    return ADL_ACTIVITIES + name

"""The LRSs to send to: those L&D admins configure in the admin, and one from the environment."""

from dataclasses import dataclass

from django.conf import settings

from .models import ENVIRONMENT_LRS, ActorFormat, LearningRecordStore


@dataclass(frozen=True)
class Store:
    name: str
    endpoint: str
    key: str
    secret: str
    actor_format: str = ActorFormat.MBOX_SHA1SUM
    verbs: tuple = ()  # empty: every verb

    @property
    def statements_url(self) -> str:
        return self.endpoint.rstrip("/") + "/statements"

    def wants(self, verb: str) -> bool:
        return not self.verbs or verb in self.verbs


def environment_store() -> Store | None:
    url = getattr(settings, "GUILD_XAPI_LRS_URL", "")
    if not url:
        return None
    return Store(name=ENVIRONMENT_LRS, endpoint=url, key=getattr(settings, "GUILD_XAPI_LRS_KEY", ""),
                 secret=getattr(settings, "GUILD_XAPI_LRS_SECRET", ""),
                 actor_format=getattr(settings, "GUILD_XAPI_ACTOR_FORMAT", ActorFormat.MBOX_SHA1SUM))


def _from_row(row) -> Store:
    return Store(name=row.name, endpoint=row.endpoint, key=row.key, secret=row.secret,
                 actor_format=row.actor_format, verbs=tuple(row.verbs or ()))


def active_stores() -> list[Store]:
    stores = [_from_row(row) for row in LearningRecordStore.objects.filter(is_active=True)]
    env = environment_store()
    return [env, *stores] if env else stores


def get_store(name: str) -> Store | None:
    """The store called `name`, also when it is paused (a backfill may target it); None if there is none."""
    if name == ENVIRONMENT_LRS:
        return environment_store()
    row = LearningRecordStore.objects.filter(name=name).first()
    return _from_row(row) if row else None

"""Writes: paying points, learning streaks, kudos, preferences.

`award_points` is the one way points are paid. Other apps may call it directly (e.g. when
a learning need is fulfilled) with a source object, so that the same event never pays twice."""

import datetime
import logging
import zoneinfo
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from guild.events.models import Verb
from guild.events.services import record_event
from guild.notifications.services import notify

from .badges import evaluate_event_badges
from .models import (
    ActivityDay,
    Kudos,
    Period,
    PointsBalance,
    PointsRollup,
    Reason,
    ReasonTally,
    RewardLedgerEntry,
    RewardPreference,
    RewardSettings,
    Track,
    period_start,
    track_of,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class AwardResult:
    entry: RewardLedgerEntry | None
    created: bool
    message: str = ""


def source_key(source) -> tuple[str, str]:
    """("app.model", "pk") for a model instance; a (type, id) pair passes through."""
    if isinstance(source, tuple):
        source_type, source_id = source
        return str(source_type)[:60], str(source_id)[:64]
    return f"{source._meta.app_label}.{source._meta.model_name}", str(source.pk)


def award_points(*, person, reason, source, points=None, description="", when=None) -> AwardResult:
    """Pay `person` for one event. A second call for the same (person, reason, source) pays nothing
    and says so. The balance and the period rollups move in the same transaction."""
    reason = Reason(reason)
    source_type, source_id = source_key(source)
    if points is None:
        points = RewardSettings.load().points_for(reason)
    when = when or timezone.now()
    try:
        with transaction.atomic():
            entry = RewardLedgerEntry.objects.create(
                person=person, reason=reason, track=track_of(reason), points=points, source_type=source_type,
                source_id=source_id, description=(description or str(reason.label))[:255], created_at=when,
            )
            _add_to_aggregates(entry)
            evaluate_event_badges(entry)
    except IntegrityError:
        if not RewardLedgerEntry.objects.filter(
            person=person, reason=reason, source_type=source_type, source_id=source_id
        ).exists():
            raise
        return AwardResult(None, False, _("These points were already awarded for this event."))
    logger.info("rewards: +%s %s to person %s for %s:%s", points, reason, person.pk, source_type, source_id)
    return AwardResult(entry, True)


def _upsert_add(model, key_fields, rows, add_fields, set_fields=()):
    """INSERT … ON CONFLICT DO UPDATE adding to counters (PostgreSQL and SQLite). One statement,
    and the row lock it takes serialises concurrent awards to the same person."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = [model._meta.get_field(f).column for f in rows[0]]
    updates = [f"{quote(c)} = {table}.{quote(c)} + EXCLUDED.{quote(c)}" for c in add_fields]
    updates += [f"{quote(c)} = EXCLUDED.{quote(c)}" for c in set_fields]
    placeholders = ", ".join("(" + ", ".join(["%s"] * len(columns)) + ")" for _row in rows)
    # Only names from the model's _meta go into the string; every value is a parameter.
    names = ", ".join(quote(c) for c in columns)
    keys = ", ".join(quote(c) for c in key_fields)
    sql = f"INSERT INTO {table} ({names}) VALUES {placeholders} ON CONFLICT ({keys}) DO UPDATE SET {', '.join(updates)}"  # noqa: S608
    params = [value for row in rows for value in row.values()]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _add_to_aggregates(entry):
    learner = entry.points if entry.track == Track.LEARNER else 0
    # The balance first: its row lock orders concurrent awards to one person (badge counts rely on it).
    _upsert_add(
        PointsBalance, ["person_id"],
        [{"person": entry.person_id, "points": entry.points, "learner_points": learner,
          "contributor_points": entry.points - learner, "updated_at": entry.created_at}],
        add_fields=["points", "learner_points", "contributor_points"], set_fields=["updated_at"],
    )
    day = timezone.localdate(entry.created_at)
    _upsert_add(
        PointsRollup, ["person_id", "track", "period", "period_start"],
        [{"person": entry.person_id, "track": entry.track, "period": str(p), "period_start": period_start(p, day),
          "points": entry.points} for p in Period],
        add_fields=["points"],
    )
    _upsert_add(
        ReasonTally, ["person_id", "reason"],
        [{"person": entry.person_id, "reason": entry.reason, "count": 1, "points": entry.points}],
        add_fields=["count", "points"],
    )


def record_learning_day(*, person, when=None) -> AwardResult | None:
    """Note that `person` learned today; pays a streak once per week when they reach the set number of days."""
    when = when or timezone.now()
    day = timezone.localdate(when)
    try:
        with transaction.atomic():
            ActivityDay.objects.create(person=person, day=day)
    except IntegrityError:
        return None  # already counted today
    monday = period_start(Period.WEEK, day)
    days = ActivityDay.objects.filter(person=person, day__gte=monday, day__lt=monday + datetime.timedelta(days=7)).count()
    needed = RewardSettings.load().streak_days
    if days < needed:
        return None
    year, week, _weekday = day.isocalendar()
    return award_points(
        person=person, reason=Reason.LEARNING_STREAK, source=("rewards.week", f"{year}-W{week:02d}"), when=when,
        description=_("Learned on %(days)s days in the week of %(monday)s") % {"days": needed, "monday": monday.isoformat()},
    )


# --- Kudos ---------------------------------------------------------------------------------------------


def _start_of_day(person, now):
    try:
        tz = zoneinfo.ZoneInfo(person.timezone or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tz = datetime.UTC
    local = now.astimezone(tz)
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def give_kudos(*, sender, recipient, message, skill=None, submission_key=None) -> Kudos:
    """Thank a colleague. Refuses self-kudos and more than the daily cap with a ValidationError
    that says why. The same submission_key twice (a double submit) returns the first kudos."""
    message = (message or "").strip()
    if recipient.pk == sender.pk:
        raise ValidationError(_("You cannot give kudos to yourself. Thank a colleague who helped you instead."))
    if not recipient.is_active:
        raise ValidationError(_("This person is no longer active in Guild."))
    if not message:
        raise ValidationError(_("Write a few words about what you are thanking them for."))
    if len(message) > 500:
        raise ValidationError(_("Keep the message under 500 characters."))
    now = timezone.now()
    with transaction.atomic():
        # Lock the sender's row so two simultaneous submits cannot both pass the daily cap.
        get_user_model().objects.select_for_update().filter(pk=sender.pk).values_list("pk").first()
        if submission_key:
            existing = Kudos.objects.filter(sender=sender, submission_key=submission_key).first()
            if existing:
                return existing
        cap = RewardSettings.load().kudos_daily_cap
        given_today = Kudos.objects.filter(sender=sender, created_at__gte=_start_of_day(sender, now)).count()
        if given_today >= cap:
            raise ValidationError(
                _("You have already given %(cap)s kudos today, the daily limit. You can thank more colleagues tomorrow.")
                % {"cap": cap}
            )
        kudos = Kudos.objects.create(
            sender=sender, recipient=recipient, message=message, skill=skill, submission_key=submission_key, created_at=now
        )
        award_points(
            person=recipient, reason=Reason.KUDOS_RECEIVED, source=kudos,
            description=_("Kudos from %(name)s") % {"name": sender.display_name},
        )
        record_event(
            actor=sender, verb=Verb.THANKED, object_type="person", object_id=recipient.pk,
            object_name=recipient.display_name, context={"kudos": kudos.pk, "skill": skill.pk if skill else None},
        )
        url = reverse("rewards:person", args=[recipient.pk])
        notify(
            recipient=recipient, kind="rewards.kudos", url=url, body=message,
            title=lambda: _("%(name)s gave you kudos") % {"name": sender.display_name},
            dedupe_key=f"rewards.kudos:{kudos.pk}",
        )
        manager = recipient.manager
        if manager is not None and manager.pk != sender.pk:
            notify(
                recipient=manager, kind="rewards.kudos_for_report", url=url, body=message,
                title=lambda: _("%(sender)s gave kudos to %(recipient)s") % {
                    "sender": sender.display_name, "recipient": recipient.display_name},
                dedupe_key=f"rewards.kudos:{kudos.pk}",
            )
    return kudos


def set_kudos_hidden(*, kudos: Kudos, person, hidden: bool) -> Kudos:
    """Only the recipient hides or shows a kudos on their profile."""
    if kudos.recipient_id != person.pk:
        raise PermissionError("Only the recipient can hide this kudos.")
    kudos.hidden_at = timezone.now() if hidden else None
    kudos.save(update_fields=["hidden_at"])
    return kudos


def set_leaderboard_visibility(*, person, show: bool) -> RewardPreference:
    preference, _created = RewardPreference.objects.update_or_create(person=person, defaults={"show_on_leaderboards": show})
    return preference

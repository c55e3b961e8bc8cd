"""Cohorts run in the product: L&D admins (any cohort) and managers (cohorts they create, with people
from their own teams) set one up, add members, schedule sessions and record attendance. Members get a
calendar invite (ICS, through the outbox) for each session and a reminder the day before."""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from guild.core.safe_input import parse_id
from guild.notifications.models import OutboxMessage
from guild.notifications.services import queue_messages
from guild.notifications.tasks import enqueue_delivery
from guild.people.models import Team
from guild.people.roles import Role
from guild.people.selectors import direct_reports, teams_managed_by

from ..models.cohorts import Attendance, Cohort, CohortMembership, CohortSession
from ..models.pages import CoursePage, LearningPathPage
from .cohorts import add_to_cohort
from .errors import LearningError

INVITE_KIND = "cohort.invite"
REMINDER_KIND = "cohort.reminder"


def can_create(user) -> bool:
    return user.is_authenticated and user.has_role(Role.LD_ADMIN, Role.MANAGER)


def can_manage(user, cohort) -> bool:
    if not user.is_authenticated:
        return False
    if user.has_role(Role.LD_ADMIN):
        return True
    return user.has_role(Role.MANAGER) and cohort.created_by_id == user.pk


def can_take_attendance(user, cohort) -> bool:
    return can_manage(user, cohort) or (user.is_authenticated and cohort.facilitator_id == user.pk)


def managed_by(user):
    """The cohorts this person manages, newest first."""
    cohorts = Cohort.objects.select_related("course", "path", "facilitator").order_by("-starts_on", "-pk")
    if user.has_role(Role.LD_ADMIN):
        return cohorts
    return cohorts.filter(Q(created_by=user) | Q(facilitator=user)) if user.has_role(Role.MANAGER) else \
        cohorts.filter(facilitator=user)


def people_for(user):
    """Whom this person may add to a cohort: everyone for L&D, a manager's own teams for a manager."""
    if user.has_role(Role.LD_ADMIN):
        return get_user_model().objects.filter(is_active=True)
    return direct_reports(manager=user)


def teams_for(user):
    return Team.objects.all() if user.has_role(Role.LD_ADMIN) else teams_managed_by(user=user)


def _unique_slug(name):
    base = slugify(name)[:140] or "cohort"
    slug, n = base, 2
    while Cohort.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def create_cohort(*, by, name, starts_on, ends_on, course=None, path=None, facilitator=None) -> Cohort:
    if not can_create(by):
        raise LearningError(_("Only L&D admins and managers create cohorts."))
    name = (name or "").strip()
    if not name:
        raise LearningError(_("Give the cohort a name."))
    if bool(course) == bool(path):
        raise LearningError(_("Choose a course or a learning path (one of them)."))
    target = course or path
    if not (isinstance(target, CoursePage | LearningPathPage) and target.live):
        raise LearningError(_("Choose a published course or path."))
    if not starts_on or not ends_on:
        raise LearningError(_("Give the cohort's first and last day."))
    if ends_on < starts_on:
        raise LearningError(_("The cohort cannot end before it starts."))
    return Cohort.objects.create(name=name[:150], slug=_unique_slug(name), course=course, path=path,
                                 starts_on=starts_on, ends_on=ends_on, facilitator=facilitator, created_by=by)


def _upcoming(cohort, now=None):
    return list(cohort.sessions.filter(starts_at__gt=now or timezone.now(), cancelled_at__isnull=True))


def invite_message(session, learner_id) -> OutboxMessage:
    """The calendar invite for one member and one version of the session (its sequence)."""
    return OutboxMessage(key=f"cohort-invite:{session.pk}:{learner_id}:{session.sequence}", recipient_id=learner_id,
                         kind=INVITE_KIND, payload={"session": session.pk, "cohort": session.cohort.name,
                                                    "title": session.title, "sequence": session.sequence})


def add_members(*, by, cohort, people) -> list:
    """Add people (enrolling them in the cohort's course or path) and invite them to the sessions to come.
    A manager may add only people from their own teams. Returns the people newly added."""
    if not can_manage(by, cohort):
        raise LearningError(_("You cannot change this cohort."))
    people = list(people)
    allowed = set(people_for(by).filter(pk__in=[p.pk for p in people]).values_list("pk", flat=True))
    refused = [p.display_name for p in people if p.pk not in allowed]
    if refused:
        raise LearningError(_("You can only add people from your own teams: %(names)s.") % {"names": ", ".join(refused)})
    added = []
    with transaction.atomic():
        for person in people:
            _membership, created = add_to_cohort(cohort=cohort, learner=person)
            if created:
                added.append(person)
        invites = [invite_message(s, p.pk) for s in _upcoming(cohort) for p in added]
        if queue_messages(invites):
            transaction.on_commit(enqueue_delivery)
    return added


def parse_video_url(url):
    url = (url or "").strip()
    if url:
        try:
            URLValidator(schemes=["https", "http"])(url)
        except ValidationError:
            raise LearningError(_("The video link must be a web address starting with https://.")) from None
    return url


def _session_fields(*, cohort, title, starts_at, duration_minutes, location, video_url, now):
    """A session's fields, checked (the same rules when it is scheduled and when it is changed)."""
    title, location = (title or "").strip(), (location or "").strip()
    video_url = parse_video_url(video_url)
    if not title:
        raise LearningError(_("Give the session a title."))
    if not starts_at:
        raise LearningError(_("Give the session's date and time."))
    if starts_at <= (now or timezone.now()):
        raise LearningError(_("A session is scheduled in the future."))
    if not (cohort.starts_on <= timezone.localdate(starts_at) <= cohort.ends_on):
        raise LearningError(_("The session must fall within the cohort's dates."))
    if not location and not video_url:
        raise LearningError(_("Give a place or a video link (or both)."))
    if not duration_minutes or not 5 <= int(duration_minutes) <= 600:
        raise LearningError(_("A session lasts between 5 minutes and 10 hours."))
    return {"title": title[:150], "starts_at": starts_at, "duration_minutes": int(duration_minutes),
            "location": location[:200], "video_url": video_url}


def _invite_members(session):
    """Queue this version of the session (its sequence) for every member: an invite, an update or a
    cancellation, which their calendar applies to the same event."""
    member_ids = list(session.cohort.memberships.values_list("learner_id", flat=True))
    if queue_messages([invite_message(session, learner_id) for learner_id in member_ids]):
        transaction.on_commit(enqueue_delivery)


def schedule_session(*, by, cohort, title, starts_at: datetime, duration_minutes=60, location="", video_url="",
                     now=None) -> CohortSession:
    """Schedule a session and send every member its calendar invite."""
    if not can_manage(by, cohort):
        raise LearningError(_("You cannot change this cohort."))
    fields = _session_fields(cohort=cohort, title=title, starts_at=starts_at, duration_minutes=duration_minutes,
                             location=location, video_url=video_url, now=now)
    with transaction.atomic():
        session = CohortSession.objects.create(cohort=cohort, **fields)
        _invite_members(session)
    return session


def _changeable(by, session, now=None) -> CohortSession:
    """The session, locked, if `by` may still change it."""
    if not can_manage(by, session.cohort):
        raise LearningError(_("You cannot change this cohort."))
    session = CohortSession.objects.select_for_update().select_related("cohort").get(pk=session.pk)
    if session.cancelled_at:
        raise LearningError(_("This session is cancelled."))
    if session.starts_at <= (now or timezone.now()):
        raise LearningError(_("This session has started: it can no longer be changed."))
    return session


@transaction.atomic
def edit_session(*, by, session, title, starts_at: datetime, duration_minutes=60, location="", video_url="",
                 now=None) -> CohortSession:
    """Change a session to come; members get the updated calendar invite (same event, next SEQUENCE).
    Saving it unchanged sends nothing."""
    session = _changeable(by, session, now)
    fields = _session_fields(cohort=session.cohort, title=title, starts_at=starts_at,
                             duration_minutes=duration_minutes, location=location, video_url=video_url, now=now)
    if all(getattr(session, name) == value for name, value in fields.items()):
        return session
    for name, value in fields.items():
        setattr(session, name, value)
    session.sequence += 1
    session.save(update_fields=[*fields, "sequence"])
    _invite_members(session)
    return session


@transaction.atomic
def cancel_session(*, by, session, now=None) -> CohortSession:
    """Cancel a session to come: kept (its attendance page and history stay), no reminder, and members
    get a cancellation of the same calendar event (METHOD:CANCEL, next SEQUENCE)."""
    session = _changeable(by, session, now)
    session.cancelled_at = now or timezone.now()
    session.sequence += 1
    session.save(update_fields=["cancelled_at", "sequence"])
    _invite_members(session)
    return session


def record_attendance(*, by, session, present_ids) -> int:
    """Who came: every member is recorded present or absent (recording again corrects it)."""
    if not can_take_attendance(by, session.cohort):
        raise LearningError(_("You cannot take attendance for this cohort."))
    if session.cancelled_at:
        raise LearningError(_("This session is cancelled."))
    if session.starts_at > timezone.now():
        raise LearningError(_("Attendance is recorded once the session has started."))
    members = set(session.cohort.memberships.values_list("learner_id", flat=True))
    present = {parse_id(i) for i in present_ids}
    if None in present:
        raise LearningError(_("Tick the members who came."))
    if present - members:
        raise LearningError(_("Only the cohort's members can be marked present."))
    now = timezone.now()
    with transaction.atomic():
        for learner_id in members:
            Attendance.objects.update_or_create(session=session, learner_id=learner_id, defaults={
                "present": learner_id in present, "recorded_by": by, "recorded_at": now})
    return len(present)


def sweep_session_reminders(*, now=None, batch_size=500) -> int:
    """A reminder to each member of sessions starting in the next 24 hours, once per session and member."""
    now = now or timezone.now()
    rows = (CohortMembership.objects.filter(cohort__sessions__starts_at__gt=now,
                                            cohort__sessions__starts_at__lte=now + timedelta(hours=24),
                                            cohort__sessions__cancelled_at__isnull=True)
            .values_list("learner_id", "cohort__sessions__id", "cohort__name", "cohort__sessions__title")
            .order_by("cohort__sessions__id", "learner_id"))
    messages = [OutboxMessage(key=f"cohort-reminder:{session_id}:{learner_id}", recipient_id=learner_id,
                              kind=REMINDER_KIND, payload={"session": session_id, "cohort": cohort, "title": title})
                for learner_id, session_id, cohort, title in rows.iterator(chunk_size=batch_size)]
    return len(queue_messages(messages))

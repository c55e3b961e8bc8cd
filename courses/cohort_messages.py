"""Cohort messages: a session's calendar invite (an ICS file, built with `icalendar`) and its reminder."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from guild.notifications.kinds import Rendered

from .models.cohorts import CohortSession


def _session(p, cache):
    sessions = cache.setdefault("cohort_sessions", {})
    if p["session"] not in sessions:
        sessions[p["session"]] = CohortSession.objects.select_related("cohort").filter(pk=p["session"]).first()
    return sessions[p["session"]]


def _when(session):
    return date_format(timezone.localtime(session.starts_at), "DATETIME_FORMAT")


def _where(session):
    return " · ".join(filter(None, [session.location, session.video_url]))


def _method(session):
    return "CANCEL" if session.cancelled_at else "REQUEST"


def ics(session, recipient) -> bytes:
    """One VEVENT, its UID fixed per session and SEQUENCE bumped on change, so calendars update it
    (RFC 5546: a REQUEST with a higher SEQUENCE replaces the event, a CANCEL removes it)."""
    from icalendar import Calendar, Event, vCalAddress, vText

    calendar = Calendar()
    calendar.add("prodid", "-//Guild//Cohort sessions//EN")
    calendar.add("version", "2.0")
    calendar.add("method", _method(session))
    event = Event()
    event.add("uid", f"cohort-session-{session.pk}@guild")
    event.add("sequence", session.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at)
    event.add("summary", f"{session.cohort.name}: {session.title}")
    if session.cancelled_at:
        event.add("status", "CANCELLED")
    event.add("location", _where(session))
    if session.video_url:
        event.add("url", session.video_url)
    organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL}")
    organizer.params["cn"] = vText(getattr(settings, "WAGTAIL_SITE_NAME", "Guild"))
    event["organizer"] = organizer
    if recipient is not None and recipient.email:
        attendee = vCalAddress(f"mailto:{recipient.email}")
        attendee.params["cn"] = vText(recipient.display_name)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        event.add("attendee", attendee, encode=0)
    calendar.add_component(event)
    return calendar.to_ical()


def render_invite(p, recipient, cache):
    session = _session(p, cache)
    if session is None:
        return Rendered(title=_("A cohort session was cancelled"), body=_("“%(title)s” of %(cohort)s no longer takes "
                        "place.") % {"title": p["title"], "cohort": p["cohort"]})
    ics_file = ("invite.ics", ics(session, recipient), f"text/calendar; method={_method(session)}; charset=utf-8")
    url = reverse("courses:cohort", args=[session.cohort.slug])
    if session.cancelled_at:
        return Rendered(
            title=_("A cohort session was cancelled"),
            body=_("“%(title)s” of %(cohort)s no longer takes place.") % {"title": session.title,
                                                                          "cohort": session.cohort.name},
            url=url, action=_("Open the cohort"), attachments=[ics_file])
    if session.sequence:
        return Rendered(
            title=_("Changed: %(title)s (%(cohort)s)") % {"title": session.title, "cohort": session.cohort.name},
            body=_("“%(title)s”, a session of %(cohort)s, changed: it is on %(when)s. Where: %(where)s. The "
                   "updated calendar invite is attached.") % {"title": session.title, "cohort": session.cohort.name,
                                                             "when": _when(session), "where": _where(session)},
            url=url, action=_("Open the cohort"), attachments=[ics_file])
    return Rendered(
        title=_("Invitation: %(title)s (%(cohort)s)") % {"title": session.title, "cohort": session.cohort.name},
        body=_("You are invited to “%(title)s”, a session of %(cohort)s, on %(when)s. Where: %(where)s. The "
               "calendar invite is attached.") % {"title": session.title, "cohort": session.cohort.name,
                                                 "when": _when(session), "where": _where(session)},
        url=url, action=_("Open the cohort"), attachments=[ics_file],
    )


def render_reminder(p, recipient, cache):
    session = _session(p, cache)
    if session is None or session.cancelled_at:
        return Rendered(title=_("A cohort session was cancelled"), body="")
    return Rendered(
        title=_("Tomorrow: %(title)s (%(cohort)s)") % {"title": session.title, "cohort": session.cohort.name},
        body=_("Your cohort session “%(title)s” starts on %(when)s. Where: %(where)s.")
        % {"title": session.title, "when": _when(session), "where": _where(session)},
        url=reverse("courses:cohort", args=[session.cohort.slug]), action=_("Open the cohort"),
    )


KINDS = [
    ("cohort.invite", gettext_lazy("Cohort session invitations"),
     gettext_lazy("When a session of one of your cohorts is scheduled, with a calendar invite."), render_invite),
    ("cohort.reminder", gettext_lazy("Cohort session reminders"),
     gettext_lazy("The day before a session of one of your cohorts."), render_reminder),
]

"""The kinds of message the learning automation sends, and how each reads (rendered at send time,
in the recipient's language, from the outbox row's payload)."""

from datetime import date

from django.urls import NoReverseMatch, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from courses.models import CoursePage
from guild.notifications import kinds
from guild.notifications.kinds import Rendered
from guild.notifications.models import OutboxMessage
from guild.people.roles import Role


def course_url(course_id, cache) -> str:
    """The course page's site-relative path (emails make it absolute), cached per delivery batch."""
    urls = cache.setdefault("course_urls", {})
    if course_id not in urls:
        page = CoursePage.objects.filter(pk=course_id).first()
        parts = page.get_url_parts() if page else None
        urls[course_id] = parts[2] if parts else "/"
    return urls[course_id]


def _url(name, **kwargs):
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return "/"


def _day(iso):
    return date_format(date.fromisoformat(iso), "DATE_FORMAT") if iso else ""


def enrolment_message(enrolment, course, *, assigned_by=None) -> OutboxMessage:
    """The "you are enrolled" message, keyed by the enrolment and its start, so it is queued once."""
    return OutboxMessage(
        key=f"enrolled:{enrolment.pk}:{enrolment.enrolled_at:%Y%m%d%H%M%S}", recipient_id=enrolment.learner_id,
        kind="enrolment.assigned", mandatory=course.is_mandatory,
        payload={
            "course": course.pk, "course_title": course.title,
            "due_date": enrolment.due_date.isoformat() if enrolment.due_date else None,
            "assigned_by": assigned_by.display_name if assigned_by else "",
        },
    )


def render_enrolled(p, recipient, cache):
    due = _("It is due on %(date)s.") % {"date": _day(p["due_date"])} if p.get("due_date") else ""
    who = _("%(name)s assigned it to you.") % {"name": p["assigned_by"]} if p.get("assigned_by") else ""
    return Rendered(
        title=_("New course for you: %(course)s") % {"course": p["course_title"]},
        body=" ".join(filter(None, [_("You are enrolled in “%(course)s”.") % {"course": p["course_title"]}, who, due])),
        url=course_url(p["course"], cache), action=_("Start the course"),
    )


def due_date_changed_message(enrolment, course, *, changed_by) -> OutboxMessage:
    """"Your due date changed", once per enrolment and new date."""
    return OutboxMessage(
        key=f"due-changed:{enrolment.pk}:{enrolment.due_date:%Y%m%d}", recipient_id=enrolment.learner_id,
        kind="enrolment.due_changed", mandatory=course.is_mandatory,
        payload={
            "course": course.pk, "course_title": course.title, "due_date": enrolment.due_date.isoformat(),
            "changed_by": changed_by.display_name if changed_by else "",
        },
    )


def render_due_changed(p, recipient, cache):
    who = _("%(name)s changed it.") % {"name": p["changed_by"]} if p.get("changed_by") else ""
    return Rendered(
        title=_("New due date for “%(course)s”: %(date)s") % {"course": p["course_title"], "date": _day(p["due_date"])},
        body=" ".join(filter(None, [
            _("“%(course)s” is now due on %(date)s.") % {"course": p["course_title"], "date": _day(p["due_date"])}, who,
        ])),
        url=course_url(p["course"], cache), action=_("Continue the course"),
    )


def course_completed_message(enrolment, certificate) -> OutboxMessage:
    """"You completed the course", once per completion (a renewal's completion is a new one)."""
    return OutboxMessage(
        key=f"completed:{enrolment.pk}:{enrolment.completed_at:%Y%m%d%H%M%S}", recipient_id=enrolment.learner_id,
        kind="course.completed",
        payload={
            "course": enrolment.course_id, "course_title": enrolment.course.title,
            "certificate": certificate.pk if certificate else None,
            "expires": certificate.expires_at.date().isoformat() if certificate and certificate.expires_at else None,
        },
    )


def render_course_completed(p, recipient, cache):
    lines = [_("Well done: you completed “%(course)s”.") % {"course": p["course_title"]}]
    if p.get("certificate"):
        lines.append(_("Your certificate is ready."))
        if p.get("expires"):
            lines.append(_("It is valid until %(date)s; Guild reminds you before then.") % {"date": _day(p["expires"])})
    return Rendered(
        title=_("Course completed: %(course)s") % {"course": p["course_title"]},
        body=" ".join(lines),
        url=_url("courses:certificate", pk=p["certificate"]) if p.get("certificate") else course_url(p["course"], cache),
        action=_("See your certificate") if p.get("certificate") else _("Open the course"),
    )


def render_due(p, recipient, cache):
    days = p.get("days", 0)
    when = _("today") if days == 0 else ngettext("in %(n)d day", "in %(n)d days", days) % {"n": days}
    return Rendered(
        title=_("“%(course)s” is due %(when)s") % {"course": p["course_title"], "when": when},
        body=_("Your course “%(course)s” is due on %(date)s. Pick up where you left off.")
        % {"course": p["course_title"], "date": _day(p["due_date"])},
        url=course_url(p["course"], cache), action=_("Continue the course"),
    )


def render_overdue(p, recipient, cache):
    return Rendered(
        title=_("Overdue: %(course)s") % {"course": p["course_title"]},
        body=ngettext(
            "“%(course)s” was due on %(date)s, %(n)d day ago. Please finish it as soon as you can.",
            "“%(course)s” was due on %(date)s, %(n)d days ago. Please finish it as soon as you can.", p["days"],
        ) % {"course": p["course_title"], "date": _day(p["due_date"]), "n": p["days"]},
        url=course_url(p["course"], cache), action=_("Continue the course"),
    )


def render_inactive(p, recipient, cache):
    return Rendered(
        title=_("Pick up “%(course)s” again?") % {"course": p["course_title"]},
        body=ngettext(
            "You started “%(course)s” but have not opened it for %(n)d day. Ten minutes today keeps it going.",
            "You started “%(course)s” but have not opened it for %(n)d days. Ten minutes today keeps it going.",
            p["days"],
        ) % {"course": p["course_title"], "n": p["days"]},
        url=course_url(p["course"], cache), action=_("Continue the course"),
    )


def render_escalation(p, recipient, cache):
    return Rendered(
        title=_("%(name)s is overdue on “%(course)s”") % {"name": p["learner_name"], "course": p["course_title"]},
        body=ngettext(
            "%(name)s was due to finish “%(course)s” on %(date)s, %(n)d day ago. A word from you often helps.",
            "%(name)s was due to finish “%(course)s” on %(date)s, %(n)d days ago. A word from you often helps.",
            p["days"],
        ) % {"name": p["learner_name"], "course": p["course_title"], "date": _day(p["due_date"]), "n": p["days"]},
        url=_url("automation:team"), action=_("See your team"),
    )


def render_renewal(p, recipient, cache):
    return Rendered(
        title=_("Time to renew: %(course)s") % {"course": p["course_title"]},
        body=_("Your certificate for “%(course)s” expires on %(date)s. We have enrolled you again: finish the course "
               "by then to keep it valid.") % {"course": p["course_title"], "date": _day(p["expires"])},
        url=course_url(p["course"], cache), action=_("Renew now"),
    )


def render_team_digest(p, recipient, cache):
    lines = [
        _("Your team this week: %(members)d people, %(active)d courses in progress, %(completed)d completed in the "
          "last 7 days, %(overdue)d overdue.") % p,
    ]
    for name, course, due in p.get("overdue_items", []):
        lines.append(_("• %(name)s: “%(course)s”, due %(date)s") % {"name": name, "course": course, "date": _day(due)})
    return Rendered(title=_("Your team's learning this week"), body="\n".join(lines),
                    url=_url("automation:team"), action=_("See your team"))


def render_manager_reminder(p, recipient, cache):
    due = _("It is due on %(date)s.") % {"date": _day(p["due_date"])} if p.get("due_date") else ""
    return Rendered(
        title=_("%(name)s reminds you: “%(course)s”") % {"name": p["manager"], "course": p["course_title"]},
        body=" ".join(filter(None, [
            _("%(name)s asks you to make time for “%(course)s” (you are %(progress)d%% through).")
            % {"name": p["manager"], "course": p["course_title"], "progress": p.get("progress", 0)}, due,
        ])),
        url=course_url(p["course"], cache), action=_("Continue the course"),
    )


KINDS = [
    # (name, label, description, renderer[, roles: only people holding one of them receive it])
    (
        "enrolment.assigned", gettext_lazy("A course assigned to you"),
        gettext_lazy("When a manager, L&D or a rule enrols you in a course."), render_enrolled,
    ),
    (
        "enrolment.due_changed", gettext_lazy("A due date changed"),
        gettext_lazy("When your manager or L&D moves the due date of one of your courses."), render_due_changed,
    ),
    (
        "reminder.due", gettext_lazy("Due-date reminders"),
        gettext_lazy("Before a course is due."), render_due,
    ),
    (
        "reminder.overdue", gettext_lazy("Overdue reminders"),
        gettext_lazy("When a course is past its due date."), render_overdue,
    ),
    (
        "reminder.inactive", gettext_lazy("Nudges to continue"),
        gettext_lazy("When you started a course and left it idle."), render_inactive,
    ),
    (
        "reminder.manager", gettext_lazy("Reminders from your manager"),
        gettext_lazy("When your manager asks you to make time for a course."), render_manager_reminder,
    ),
    (
        "escalation.overdue", gettext_lazy("Team members overdue"),
        gettext_lazy("For managers: someone in your team is well past a due date."), render_escalation, (Role.MANAGER,),
    ),
    (
        "digest.team", gettext_lazy("Weekly team digest"),
        gettext_lazy("For managers: your team's progress, once a week."), render_team_digest, (Role.MANAGER,),
    ),
    (
        "renewal", gettext_lazy("Certificate renewals"),
        gettext_lazy("Before one of your certificates expires."), render_renewal,
    ),
    (
        "quiz.attempts_requested", gettext_lazy("Requests for more quiz attempts"),
        gettext_lazy("For course authors and L&D: a learner used every attempt at a quiz and asks for more."), None,
        (Role.EXPERT, Role.LD_ADMIN),
    ),
    (
        "quiz.attempts_decision", gettext_lazy("Answers to your requests for more attempts"),
        gettext_lazy("When the authors or L&D grant or decline more attempts at a quiz."), None,
    ),
    (
        "course.completed", gettext_lazy("Courses you complete"),
        gettext_lazy("When you finish a course, with your certificate."), render_course_completed,
    ),
]


for _name, _label, _description, _render, *_roles in KINDS:
    kinds.register(_name, label=_label, description=_description, render=_render, roles=_roles[0] if _roles else ())
